// The NCursesBackend module: see Docs/ARCHITECTURE.md for its job.
public enum NCursesBackendModule { public static let name = "NCursesBackend" }
