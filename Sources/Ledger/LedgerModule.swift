// The Ledger module: see Docs/ARCHITECTURE.md for its job.
public enum LedgerModule { public static let name = "Ledger" }
