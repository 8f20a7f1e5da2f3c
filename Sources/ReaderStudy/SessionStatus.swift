import Foundation

/// Whether a reader may read a session now.
public enum SessionStatus: Sendable, Equatable {
    /// Readable now; `remaining` cases left.
    case open(remaining: Int)
    /// Every assignment of the session is signed.
    case complete
    /// The previous session is not finished yet.
    case waitingForSession(Int, remaining: Int)
    /// The previous session is finished; washout ends at this moment.
    case washout(opensAt: Date)

    public var isOpen: Bool {
        if case .open = self { return true }
        return false
    }
}
