// The Statistics module: see Docs/ARCHITECTURE.md for its job.
public enum StatisticsModule { public static let name = "Statistics" }
