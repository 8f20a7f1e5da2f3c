// The TerminalUI module: see Docs/ARCHITECTURE.md for its job.
public enum TerminalUIModule { public static let name = "TerminalUI" }
