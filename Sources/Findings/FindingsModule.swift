// The Findings module: see Docs/ARCHITECTURE.md for its job.
public enum FindingsModule { public static let name = "Findings" }
