import Ledger
import ReaderStudy

/// The reading screen's store on the SQLite ledger, for one reading context
/// (clinical reading, practice, or one experiment session and arm).
public final class LedgerReadStore: ReadStore {
    public let ledger: LedgerStore
    /// The context of a study's read: plain reading, or its experiment, session and arm.
    public let contextFor: @Sendable (String) -> ReadContext
    private let experimentSession: (name: String, session: Int)?

    public init(ledger: LedgerStore, context: ReadContext = ReadContext()) {
        self.ledger = ledger
        self.contextFor = { _ in context }
        experimentSession = context.experiment.flatMap { e in context.session.map { (e, $0) } }
    }

    /// An experiment session: each case is read under its own assigned arm.
    public init(ledger: LedgerStore, experiment: String, session: Int, arms: [String: String]) {
        self.ledger = ledger
        self.contextFor = { study in ReadContext(experiment: experiment, session: session, arm: arms[study], pass: 1) }
        experimentSession = (experiment, session)
    }

    public func statuses(reader: String) throws -> [String: QueueStatus] {
        let raw: [String: ReadStatus]
        if let (experiment, session) = experimentSession {
            raw = try ledger.statuses(reader: reader, experiment: experiment, session: session)
        } else {
            raw = try ledger.statuses(reader: reader)
        }
        return raw.mapValues { status in
            switch status {
            case .unread: return .unread
            case .inProgress: return .inProgress
            case .signed: return .signed
            }
        }
    }

    public func openRead(reader: String, study: String) throws -> (readId: Int64, decisions: [FindingDecision], confidence: Int?) {
        try ledger.ensureReader(reader)
        let record = try ledger.openRead(reader: reader, study: study, context: contextFor(study))
        let draft = try ledger.draft(for: record.id)
        return (record.id, draft.decisions, draft.confidence)
    }

    public func append(_ event: ReadEvent, read: Int64) throws {
        _ = try ledger.append(event, to: read)
    }

    public func saveDraft(_ decisions: [FindingDecision], confidence: Int?, read: Int64) throws {
        try ledger.saveDraft(decisions, confidence: confidence, for: read)
    }

    public func sign(read: Int64, decisions: [FindingDecision], confidence: Int?, event: ReadEvent) throws {
        try ledger.sign(read, decisions: decisions, confidence: confidence, event: event)
    }
}
