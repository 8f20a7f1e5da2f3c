import ReaderStudy

/// A signed, final read. `digest` is the SHA-256 of its canonical form; the
/// `signed` event `eventID` carries the same digest as its value, which puts
/// the decisions under the audit chain.
public struct SignedRead: Sendable, Equatable {
    public let readID: ReadRecord.ID
    public let reader: String
    public let study: String
    public let context: ReadContext
    public let decisions: [FindingDecision]
    public let confidence: Int?
    public let signedWallTime: Double
    public let eventID: Int64
    public let digest: String
    /// The pinned AI results (`ai_results` ids) the reader was shown; empty: none.
    public let aiResults: [Int64]

    public init(readID: ReadRecord.ID, reader: String, study: String, context: ReadContext,
                decisions: [FindingDecision], confidence: Int?, signedWallTime: Double,
                eventID: Int64, digest: String, aiResults: [Int64] = []) {
        self.readID = readID; self.reader = reader; self.study = study; self.context = context
        self.decisions = decisions; self.confidence = confidence; self.signedWallTime = signedWallTime
        self.eventID = eventID; self.digest = digest; self.aiResults = aiResults
    }
}
