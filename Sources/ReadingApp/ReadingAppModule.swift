// The ReadingApp module: see Docs/ARCHITECTURE.md for its job.
public enum ReadingAppModule { public static let name = "ReadingApp" }
