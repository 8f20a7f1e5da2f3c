import ReaderStudy
import TerminalUI
import Worklist

/// The reducer's part of practice mode (see `PracticeState`).
enum PracticeFlow {
    /// Opening a study: the model runs in the background, its values kept off screen.
    static func opened(_ state: AppState, study: Study) -> [AppEffect] {
        guard let p = state.practice, p.modelValues[study.id] == nil, !state.viewer else { return [] }
        return [.runPracticeModel(study)]
    }

    /// S: signs with the model's values as the read's AI values (the trainee never saw
    /// them), once the model has answered; nil outside practice.
    static func sign(_ state: inout AppState) -> [AppEffect]? {
        guard var p = state.practice, let s = state.study, let readId = s.readId else { return nil }
        guard let values = p.modelValues[s.study.id] else {
            p.signWaiting = true
            state.practice = p
            state.message = "Signing as soon as the model has finished…"
            state.messageIsError = false
            return []
        }
        p.signWaiting = false
        state.practice = p
        state.message = "Signing…"
        state.messageIsError = false
        return [.sign(readId: readId, studyId: s.study.id, decisions: withModel(s.decisions, values), confidence: s.confidence)]
    }

    static func modelFinished(_ state: inout AppState, studyId: String, values: [String: String]) -> [AppEffect] {
        guard state.practice != nil else { return [] }
        state.practice?.modelValues[studyId] = values
        guard state.practice?.signWaiting == true else { return [] }
        state.practice?.signWaiting = false
        guard state.study?.study.id == studyId else { return [] }
        return sign(&state) ?? []
    }

    /// After a sign: stay on the case and score it; nil when the screen should move
    /// on (outside practice, or leaving the feedback screen).
    static func afterSign(_ state: inout AppState, studyId: String) -> [AppEffect]? {
        guard var p = state.practice else { return nil }
        if case .showing(let shown) = p.stage, shown == studyId {
            p.stage = .reading
            p.feedback = nil
            p.feedbackError = nil
            state.practice = p
            return nil
        }
        guard let s = state.study, s.study.id == studyId, let readId = s.readId else { return nil }
        p.stage = .scoring(studyId: studyId)
        state.practice = p
        state.prompt = nil
        if let i = state.rows.firstIndex(where: { $0.id == studyId }) { state.rows[i].status = .signed }
        state.message = "Signed \(studyId)"
        state.messageIsError = false
        return [.scorePractice(s.study, readId: readId, decisions: withModel(s.decisions, p.modelValues[studyId] ?? [:]))]
    }

    static func scored(_ state: inout AppState, studyId: String, _ practiceCase: PracticeCase) -> [AppEffect] {
        guard var p = state.practice, p.stage == .scoring(studyId: studyId) else { return [] }
        p.cases.append(practiceCase)
        p.feedback = practiceCase
        p.stage = .showing(studyId: studyId)
        state.practice = p
        state.message = "Any key: next study"
        return []
    }

    static func scoringFailed(_ state: inout AppState, studyId: String, _ message: String) -> [AppEffect] {
        guard var p = state.practice, p.stage == .scoring(studyId: studyId) else { return [] }
        p.feedbackError = message
        p.stage = .showing(studyId: studyId)
        state.practice = p
        return []
    }

    /// Any key on the feedback screen: on to the next study, as after a plain sign.
    static func proceed(_ state: inout AppState) -> [AppEffect] {
        guard case .showing(let studyId)? = state.practice?.stage else { return [] }
        return AppReducer.reduce(&state, .signed(studyId: studyId))
    }

    /// Keys while feedback is pending or shown: the quit key (q unless keys.toml rebinds it)
    /// quits, any other key continues.
    static func action(for key: Key, stage: PracticeState.Stage, keys: KeyBindings) -> AppAction? {
        if keys.keys(for: "quit").contains(key) { return .quit }
        if case .showing = stage { return .continuePractice }
        return nil
    }

    private static func withModel(_ decisions: [FindingDecision], _ values: [String: String]) -> [FindingDecision] {
        decisions.map { d in
            var d = d
            d.aiValue = values[d.finding]
            return d
        }
    }
}
