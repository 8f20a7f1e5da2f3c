import Foundation
import ReaderStudy
import Worklist

/// One reader's current session of an experiment, ready for the reading
/// screen: every case of the session in the assigned order, each with its arm
/// (signed ones included, so progress reads "3 of 24" after a resume, not
/// "1 of 22"; the ledger's statuses mark them signed). A session whose washout
/// has not passed is refused with the date it opens.
struct ExperimentSession {
    let context: ExperimentContext
    /// The reader id this OS account reads as (ReaderBinding).
    let reader: String
    let session: ReadingSession
    let arms: [String: StudyArm]
    let entries: [LibraryEntry]
    /// Every case of the experiment (all sessions, all readers), for the model pin.
    let allStudies: [Study]

    /// Identity is checked before the washout: someone reading as another
    /// reader learns nothing about that reader's sessions.
    static func open(name: String, reader requested: String?, account: String, db: String?, library: String?) throws -> ExperimentSession {
        let context = try ExperimentContext.open(name: name, db: db, library: library)
        if let requested, !context.design.readers.contains(requested) {
            throw ExperimentCommandError.invalid(field: "--reader", problem: "\(requested) is not a reader of experiment \(name) (readers: \(context.design.readers.joined(separator: ", ")))")
        }
        let reader = try ReaderBinding(account: account).reader(requested: requested, in: context.design)
        let gate = SessionGate(design: context.design, table: context.table)
        let completions = context.completions(try context.signedReads())
        let session = try gate.openSession(reader: reader, completions: completions, clock: try ExperimentClock.fromEnvironment())
        let byID = try context.studiesByID()
        let rows = context.table.rows(reader: reader, session: session.session)
        let entries = try context.cases(rows.map(\.caseID), in: byID).map { LibraryEntry.study($0) }
        let arms = Dictionary(rows.map { ($0.caseID, $0.arm) }, uniquingKeysWith: { first, _ in first })
        // The model pin covers the cases the library has; a missing one is refused when its session opens.
        let all = context.design.caseIDs.compactMap { byID[$0] }
        return ExperimentSession(context: context, reader: reader, session: session, arms: arms, entries: entries, allStudies: all)
    }
}
