import Ledger
import ReaderStudy

/// The reading screen's store on the SQLite ledger, for one reading context
/// (clinical reading, practice, or one experiment session and arm).
public final class LedgerReadStore: ReadStore {
    public let ledger: LedgerStore
    /// The context of a study's read: plain reading, or its experiment, session and arm.
    public let contextFor: @Sendable (String) -> ReadContext
    private let experimentSession: (name: String, session: Int)?
    /// Studies read under the sequential arm: two reads each, the second with the AI.
    private let sequential: Set<String>

    public init(ledger: LedgerStore, context: ReadContext = ReadContext()) {
        self.ledger = ledger
        self.contextFor = { _ in context }
        experimentSession = context.experiment.flatMap { e in context.session.map { (e, $0) } }
        // One context for every study: the sequential arm's two reads need the experiment init.
        sequential = []
    }

    /// An experiment session: each case is read under its own assigned arm.
    public init(ledger: LedgerStore, experiment: String, session: Int, arms: [String: String]) {
        self.ledger = ledger
        self.contextFor = { study in ReadContext(experiment: experiment, session: session, arm: arms[study], pass: 1) }
        experimentSession = (experiment, session)
        sequential = Set(arms.filter { $0.value == StudyArm.sequential.rawValue }.keys)
    }

    private func isSequential(_ study: String) -> Bool { sequential.contains(study) }

    public func statuses(reader: String) throws -> [String: QueueStatus] {
        var raw: [String: ReadStatus]
        if let (experiment, session) = experimentSession {
            raw = try ledger.statuses(reader: reader, experiment: experiment, session: session)
        } else {
            raw = try ledger.statuses(reader: reader)
        }
        // A sequential case is signed only when its second read is.
        for (study, status) in raw where status == .signed && isSequential(study) {
            if try signedRead(reader: reader, study: study, pass: 2) == nil { raw[study] = .inProgress }
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

    public func sign(read: Int64, decisions: [FindingDecision], confidence: Int?, event: ReadEvent, aiResults: [Int64]) throws {
        try ledger.sign(read, decisions: decisions, confidence: confidence, event: event, aiResults: aiResults)
    }

    public func signedFirstPass(reader: String, study: String) throws -> (decisions: [FindingDecision], confidence: Int?)? {
        guard isSequential(study), try signedRead(reader: reader, study: study, pass: 2) == nil,
              let first = try signedRead(reader: reader, study: study, pass: 1) else { return nil }
        return (first.decisions, first.confidence)
    }

    public func openSecondPass(reader: String, study: String) throws -> (readId: Int64, decisions: [FindingDecision], confidence: Int?) {
        guard isSequential(study) else { throw ReadingAppError.noSecondPass(study: study) }
        var context = contextFor(study)
        context.pass = 2
        let record = try ledger.openRead(reader: reader, study: study, context: context)
        let draft = try ledger.draft(for: record.id)
        return (record.id, draft.decisions, draft.confidence)
    }

    /// This reader's signed read of `study` in this context and pass (only their own reads).
    private func signedRead(reader: String, study: String, pass: Int) throws -> Ledger.SignedRead? {
        var context = contextFor(study)
        context.pass = pass
        return try ledger.signedReads(reader: reader).last { $0.study == study && $0.context == context }
    }
}
