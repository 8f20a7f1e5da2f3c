import ReaderStudy

/// The sequential arm on the reading screen. The first read is unaided (no AI
/// anywhere); signing it locks it (the ledger keeps it as pass 1, with its
/// events). The screen then stays on the case, reveals the AI and opens a
/// second read (pass 2) that starts from the first read's values; it is signed
/// again. `aiRevealed` is logged on the second read when the AI is on screen,
/// so its time splits into before and after the AI like an aided read's.
enum SequentialPass {
    /// After a sign: when it was the first read of a sequential case, the second
    /// read's effects; nil otherwise (the screen moves on as usual).
    static func afterSign(_ state: inout AppState, studyId: String) -> [AppEffect]? {
        guard state.blinding.readsTwice(studyId), var s = state.study, s.study.id == studyId, s.pass == .first else {
            return nil
        }
        s.firstPass = s.decisions
        s.pass = .second
        s.readId = nil
        s.focus = 0
        s.ai = .running
        state.study = s
        state.prompt = nil
        state.message = "First read signed and locked; the AI is shown for your second read"
        state.messageIsError = false
        return [.openSecondPass(s.study, decisions: s.decisions, confidence: s.confidence), .runModels(s.study)]
    }

    /// The second read is open: live after the first sign, or on reopening a case
    /// whose first read was signed before a quit (the screen opened it as a first read).
    static func opened(_ state: inout AppState, studyId: String, readId: Int64, firstPass: [FindingDecision],
                       decisions: [FindingDecision], confidence: Int?) -> [AppEffect] {
        guard var s = state.study, s.study.id == studyId else { return [] }
        var effects: [AppEffect] = []
        if s.pass == .first {
            s.pass = .second
            s.ai = .running
            effects.append(.runModels(s.study))
            state.message = "Your first read is signed and locked; the AI is shown for your second read"
            state.messageIsError = false
        }
        s.firstPass = firstPass
        s.readId = readId
        // The reader's values come from the draft (or the first read); AI values from the model run.
        let ai = Dictionary(s.decisions.map { ($0.finding, $0.aiValue) }, uniquingKeysWith: { a, _ in a })
        for d in decisions {
            guard let i = s.decisions.firstIndex(where: { $0.finding == d.finding }) else { continue }
            s.decisions[i] = d
            s.decisions[i].aiValue = (ai[d.finding] ?? nil) ?? d.aiValue
        }
        s.confidence = confidence
        state.study = s
        if case .ready(let ai) = s.ai { effects.append(.record(readId: readId, kind: .aiRevealed, finding: nil, value: ai.eventValue)) }
        return effects
    }
}
