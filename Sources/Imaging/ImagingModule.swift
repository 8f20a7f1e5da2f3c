// The Imaging module: see Docs/ARCHITECTURE.md for its job.
public enum ImagingModule { public static let name = "Imaging" }
