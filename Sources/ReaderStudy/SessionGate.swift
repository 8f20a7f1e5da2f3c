import Foundation

/// Decides which session a reader may read. Session 1 is always open. Session
/// n + 1 opens when every case of session n is signed and `washoutDays` × 24 h
/// have passed since the reader's last signed read in session n (an elapsed
/// duration, not calendar days, so daylight-saving and time zones cannot move it).
public struct SessionGate: Sendable {
    public let washoutDays: Int
    public let table: AssignmentTable
    public let readers: [String]

    public init(design: ExperimentDesign, table: AssignmentTable) {
        washoutDays = design.washoutDays
        self.table = table
        readers = design.readers
    }

    public var washout: TimeInterval { TimeInterval(washoutDays) * 86_400 }

    /// Every session of one reader, in order.
    public func progress(reader: String, completions: [CaseCompletion],
                         clock: some StudyClock) throws(ReaderStudyError) -> [SessionProgress] {
        guard readers.contains(reader) else { throw .unknownReader(reader) }
        let mine = table.rows(reader: reader)
        let sessions = Set(mine.map(\.session)).sorted()
        var result: [SessionProgress] = []
        var previous: SessionProgress?
        for session in sessions {
            let assigned = Set(mine.filter { $0.session == session }.map(\.caseID))
            // Only completions of assigned cases count; duplicates (re-signs) count once, last sign wins.
            var signedAt: [String: Date] = [:]
            for done in completions where done.reader == reader && done.session == session && assigned.contains(done.caseID) {
                signedAt[done.caseID] = max(signedAt[done.caseID] ?? done.signedAt, done.signedAt)
            }
            let remaining = assigned.count - signedAt.count
            let last = signedAt.values.max()
            let status: SessionStatus
            if remaining == 0 {
                status = .complete
            } else if let previous, previous.status != .complete {
                status = .waitingForSession(previous.session, remaining: previous.assigned - previous.signed)
            } else if let previous, let previousLast = previous.lastSignedAt,
                      clock.now < previousLast.addingTimeInterval(washout), signedAt.isEmpty {
                status = .washout(opensAt: previousLast.addingTimeInterval(washout))
            } else {
                status = .open(remaining: remaining)
            }
            let line = SessionProgress(session: session, assigned: assigned.count, signed: signedAt.count,
                                       status: status, lastSignedAt: last)
            result.append(line)
            previous = line
        }
        return result
    }

    /// The status of one session.
    public func status(reader: String, session: Int, completions: [CaseCompletion],
                       clock: some StudyClock) throws(ReaderStudyError) -> SessionStatus {
        let all = try progress(reader: reader, completions: completions, clock: clock)
        guard let line = all.first(where: { $0.session == session }) else {
            throw .unknownSession(reader: reader, session: session)
        }
        return line.status
    }

    /// The session `read --experiment` should open: the first one not complete,
    /// with its status (open, or the date it opens). Nil when the reader is done.
    public func currentSession(reader: String, completions: [CaseCompletion],
                               clock: some StudyClock) throws(ReaderStudyError) -> SessionProgress? {
        try progress(reader: reader, completions: completions, clock: clock).first { $0.status != .complete }
    }

    /// The assignments of a session still to read, in order.
    public func remaining(reader: String, session: Int, completions: [CaseCompletion]) -> [Assignment] {
        let done = Set(completions.filter { $0.reader == reader && $0.session == session }.map(\.caseID))
        return table.rows(reader: reader, session: session).filter { !done.contains($0.caseID) }
    }
}
