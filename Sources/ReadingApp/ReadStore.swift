import ReaderStudy

/// What the reading screen needs from durable storage. The ledger implements
/// it on SQLite; tests use `InMemoryReadStore`.
public protocol ReadStore: AnyObject {
    func statuses(reader: String) throws -> [String: QueueStatus]
    /// Opens the reader's read of a study, or resumes its draft.
    func openRead(reader: String, study: String) throws -> (readId: Int64, decisions: [FindingDecision], confidence: Int?)
    func append(_ event: ReadEvent, read: Int64) throws
    func saveDraft(_ decisions: [FindingDecision], confidence: Int?, read: Int64) throws
    /// Durable when it returns: the screen moves on only after this.
    /// `aiResults`: the pinned AI results the reader was shown (empty: none).
    func sign(read: Int64, decisions: [FindingDecision], confidence: Int?, event: ReadEvent, aiResults: [Int64]) throws
    /// The signed first read of a sequential-arm study whose second read is not signed yet
    /// (resuming between the passes), else nil. Defaults in `ReadStore+Passes.swift`.
    func signedFirstPass(reader: String, study: String) throws -> (decisions: [FindingDecision], confidence: Int?)?
    /// Opens (or resumes) the second, AI-revealed read of a sequential-arm study.
    func openSecondPass(reader: String, study: String) throws -> (readId: Int64, decisions: [FindingDecision], confidence: Int?)
}
