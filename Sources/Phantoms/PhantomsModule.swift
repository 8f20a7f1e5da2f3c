// The Phantoms module: see Docs/ARCHITECTURE.md for its job.
public enum PhantomsModule { public static let name = "Phantoms" }
