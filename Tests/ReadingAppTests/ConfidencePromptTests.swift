import Foundation
import ReaderStudy
import ReadingApp
import TerminalUI
import Testing

/// `c`: a 1–5 prompt, or 0–100 when the experiment asks for that rating scale.
@Suite struct ConfidencePromptTests {
    func handOpen(scale: RatingScale) -> AppState {
        var s = Fixtures.loadedState()
        s.ratingScale = scale
        _ = AppReducer.reduce(&s, .moveSelection(1))
        _ = AppReducer.reduce(&s, .openSelected)
        _ = AppReducer.reduce(&s, .readOpened(studyId: "HAND-1", readId: 7, decisions: [], confidence: nil))
        return s
    }

    func type(_ text: String, _ s: inout AppState) { for c in text { _ = AppReducer.reduce(&s, .promptInput(c)) } }

    @Test func fivePointScaleRefusesOutOfRangeAndRecordsTheValue() {
        var s = handOpen(scale: .callWithConfidence)
        _ = AppReducer.reduce(&s, .askConfidence)
        type("7", &s)
        #expect(AppReducer.reduce(&s, .promptConfirm) == [])
        #expect(s.prompt == .confidence(text: "7") && s.messageIsError)
        #expect(s.message == "Confidence is a number from 1 (low) to 5 (high)")
        _ = AppReducer.reduce(&s, .promptBackspace)
        type("45", &s)   // one digit only on this scale
        #expect(s.prompt == .confidence(text: "4"))
        let effects = AppReducer.reduce(&s, .promptConfirm)
        #expect(effects == [.record(readId: 7, kind: .confidence, finding: nil, value: "4"),
                            .saveDraft(readId: 7, decisions: s.study!.decisions, confidence: 4)])
        #expect(s.prompt == nil && s.study?.confidence == 4 && s.message == "Confidence 4 of 5")
    }

    @Test func percentScaleTakesZeroToHundred() {
        var s = handOpen(scale: .percent)
        _ = AppReducer.reduce(&s, .askConfidence)
        type("1005", &s)   // three digits at most
        #expect(s.prompt == .confidence(text: "100"))
        _ = AppReducer.reduce(&s, .promptBackspace)
        _ = AppReducer.reduce(&s, .promptBackspace)
        type("x5", &s)     // letters are ignored
        #expect(s.prompt == .confidence(text: "15"))
        _ = AppReducer.reduce(&s, .promptBackspace)
        _ = AppReducer.reduce(&s, .promptBackspace)
        type("150", &s)
        #expect(AppReducer.reduce(&s, .promptConfirm) == [])
        #expect(s.message == "Confidence is a whole number from 0 to 100" && s.prompt != nil)
        for _ in 0..<3 { _ = AppReducer.reduce(&s, .promptBackspace) }
        type("0", &s)
        #expect(AppReducer.reduce(&s, .promptConfirm).first == .record(readId: 7, kind: .confidence, finding: nil, value: "0"))
        #expect(s.study?.confidence == 0 && s.message == "Confidence 0 of 100")
    }

    @Test func digitsAreViewTabsOutsideThePromptAndInputInsideIt() {
        var s = handOpen(scale: .percent)
        #expect(KeyMap.action(for: .key(.char("3")), in: s) == .showImage(2))
        _ = AppReducer.reduce(&s, .askConfidence)
        #expect(KeyMap.action(for: .key(.char("3")), in: s) == .promptInput("3"))
    }

    @Test func panelAndPromptShowTheScale() {
        var s = handOpen(scale: .percent)
        _ = AppReducer.reduce(&s, .askConfidence)
        type("85", &s)
        let theme = try! Theme.builtin("dark")
        let open = AppView.render(s, size: Size(width: 100, height: 30), theme: theme).lines.joined(separator: "\n")
        #expect(open.contains("0 (surely absent) … 100 (surely present)"))
        _ = AppReducer.reduce(&s, .promptConfirm)
        let done = AppView.render(s, size: Size(width: 100, height: 30), theme: theme).lines.joined(separator: "\n")
        #expect(done.contains("confidence 85/100"))
    }

    @Test func designsStoredBeforeTheSettingReadAsFivePoint() throws {
        let d = ExperimentDesign(name: "x", readers: ["a", "b"], arms: [.unaided, .aided], design: .crossover, seed: 1,
                                 caseIDs: ["c1", "c2"], ratingScale: .percent)
        let json = try JSONEncoder().encode(d)
        #expect(try JSONDecoder().decode(ExperimentDesign.self, from: json).ratingScale == .percent)
        var object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        object["ratingScale"] = nil
        let old = try JSONSerialization.data(withJSONObject: object)
        #expect(try JSONDecoder().decode(ExperimentDesign.self, from: old).ratingScale == nil)
    }
}
