/// What happened during a read. Stored as its raw value in the ledger, so the
/// raw values are a file format: never rename one, only add.
public enum EventKind: String, Sendable, Codable, CaseIterable {
    case opened
    case closed
    case aiRevealed
    case aiHidden
    case valueChanged
    case accepted
    case overridden
    case confidence
    case paused
    case resumed
    case signed
    case idle
}
