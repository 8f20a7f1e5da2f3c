// The Worklist module: see Docs/ARCHITECTURE.md for its job.
public enum WorklistModule { public static let name = "Worklist" }
