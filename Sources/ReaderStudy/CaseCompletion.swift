import Foundation

/// A finished assignment as the ledger knows it: the reader's final sign of
/// that case in that session (for the sequential arm, the second sign).
public struct CaseCompletion: Sendable, Equatable, Codable {
    public var reader: String
    public var caseID: String
    public var session: Int
    public var signedAt: Date

    public init(reader: String, caseID: String, session: Int, signedAt: Date) {
        self.reader = reader; self.caseID = caseID; self.session = session; self.signedAt = signedAt
    }
}
