extension SessionGate {
    /// The session to read now, or an error saying why not (and when it opens),
    /// ready to print as the one-line refusal.
    public func openSession(reader: String, completions: [CaseCompletion],
                            clock: some StudyClock) throws(ReaderStudyError) -> ReadingSession {
        guard let current = try currentSession(reader: reader, completions: completions, clock: clock) else {
            throw .sessionNotOpen(reader: reader, session: nil, problem: "every session is signed; the study is complete for this reader")
        }
        switch current.status {
        case .open:
            return ReadingSession(reader: reader, session: current.session,
                                  remaining: remaining(reader: reader, session: current.session, completions: completions),
                                  assigned: current.assigned)
        case .washout(let opensAt):
            throw .sessionNotOpen(reader: reader, session: current.session,
                                  problem: "opens \(ExperimentSummary.minute(opensAt)) after a \(washoutDays)-day washout")
        case .waitingForSession(let session, let remaining):
            throw .sessionNotOpen(reader: reader, session: current.session,
                                  problem: "session \(session) has \(remaining) case(s) left to sign first")
        case .complete:
            preconditionFailure("currentSession never returns a complete session")
        }
    }
}
