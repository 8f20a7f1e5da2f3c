import Foundation

/// One line of `experiment show`: a reader's session, how far it is, and when it opens.
public struct SessionProgress: Sendable, Equatable {
    public var session: Int
    public var assigned: Int
    public var signed: Int
    public var status: SessionStatus
    /// When the last signed read of this session happened (nil before any sign).
    public var lastSignedAt: Date?

    public init(session: Int, assigned: Int, signed: Int, status: SessionStatus, lastSignedAt: Date?) {
        self.session = session; self.assigned = assigned; self.signed = signed
        self.status = status; self.lastSignedAt = lastSignedAt
    }
}
