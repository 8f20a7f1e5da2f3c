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
    /// The reader is working without changing a decision (keys, scrolling,
    /// window/level). Logged at most every few seconds while keys arrive, so
    /// that a long look at the image is not mistaken for an idle gap.
    case activity
}
