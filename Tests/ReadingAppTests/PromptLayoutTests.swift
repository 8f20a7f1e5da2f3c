import ReadingApp
import TerminalUI
import Testing

/// QA 4b/4c/4e: prompts span the findings panel (no footer digit beside them),
/// the chosen option is marked, and the bone-age message fits the status line.
@Suite struct PromptLayoutTests {
    func handOpen(_ size: Size) -> AppState {
        var s = Fixtures.loadedState()
        _ = AppReducer.reduce(&s, .resized(size))
        _ = AppReducer.reduce(&s, .moveSelection(1))
        _ = AppReducer.reduce(&s, .openSelected)
        _ = AppReducer.reduce(&s, .readOpened(studyId: "HAND-1", readId: 7, decisions: [], confidence: nil))
        _ = AppReducer.reduce(&s, .aiFinished(studyId: "HAND-1", Fixtures.handAI))
        return s
    }

    func lines(_ s: AppState, _ size: Size) -> [String] {
        AppView.render(s, size: size, theme: try! Theme.builtin("dark")).lines
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 30)])
    func confidenceAndReasonBoxesCoverThePanelFooter(size: Size) throws {
        var s = handOpen(size)
        _ = AppReducer.reduce(&s, .askConfidence)
        for prompt in ["Confidence", "Reason for the override"] {
            if prompt.hasPrefix("Reason") {
                _ = AppReducer.reduce(&s, .promptCancel)
                _ = AppReducer.reduce(&s, .override)
                for c in "100" { _ = AppReducer.reduce(&s, .promptInput(c)) }
                _ = AppReducer.reduce(&s, .promptConfirm)
            }
            let screen = lines(s, size)
            let top = try #require(screen.firstIndex { $0.contains("┌ \(prompt)") }, "\(prompt) box")
            let left = try #require(Array(screen[top]).firstIndex(of: "┌"))
            for line in screen[top...(top + 3)] {
                // Nothing of the panel (its "0 pending" footer) is left beside the box.
                #expect(!Array(line).prefix(left).contains { $0.isNumber }, "\(prompt): \(line)")
            }
            #expect(!screen.joined().contains("pending · confidence"), "the footer is under the box")
        }
    }

    @Test func chosenOptionIsMarkedAndFollowsTheHighlight() {
        var s = Fixtures.loadedState()
        _ = AppReducer.reduce(&s, .resized(Size(width: 100, height: 30)))
        _ = AppReducer.reduce(&s, .openSelected)
        _ = AppReducer.reduce(&s, .readOpened(studyId: "EXT-1", readId: 3, decisions: [], confidence: nil))
        _ = AppReducer.reduce(&s, .override)
        #expect(lines(s, Size(width: 100, height: 30)).contains { $0.contains("▸ 1  normal") })
        _ = AppReducer.reduce(&s, .promptInput("2"))
        let screen = lines(s, Size(width: 100, height: 30))
        #expect(screen.contains { $0.contains("▸ 2  abnormal") } && screen.contains { $0.contains("  1  normal") })
    }

    @Test func badBoneAgeMessageIsWholeAt80Columns() {
        var s = handOpen(Size(width: 80, height: 24))
        _ = AppReducer.reduce(&s, .override)
        for c in "999" { _ = AppReducer.reduce(&s, .promptInput(c)) }
        _ = AppReducer.reduce(&s, .promptConfirm)
        #expect(s.message == "Bone age: 0–240 months, as 126 or 10y6m")
        #expect(lines(s, Size(width: 80, height: 24)).last?.contains("Bone age: 0–240 months, as 126 or 10y6m") == true)
    }

    /// QA 4a: the list opens on the reader's value, else the AI's (option 1 only when neither).
    @Test func overrideListOpensOnTheCurrentValue() {
        var s = Fixtures.loadedState()
        _ = AppReducer.reduce(&s, .openSelected)
        _ = AppReducer.reduce(&s, .readOpened(studyId: "EXT-1", readId: 3, decisions: [], confidence: nil))
        _ = AppReducer.reduce(&s, .aiFinished(studyId: "EXT-1", AIResult(values: ["fracture.study": "abnormal"], details: [], models: [])))
        _ = AppReducer.reduce(&s, .override)
        #expect(s.prompt == .choose(finding: 0, options: ["normal", "abnormal"], selected: 1), "the AI's value")
        _ = AppReducer.reduce(&s, .promptMove(-1))
        _ = AppReducer.reduce(&s, .promptConfirm)
        _ = AppReducer.reduce(&s, .promptCancel)   // no reason
        _ = AppReducer.reduce(&s, .override)
        #expect(s.prompt == .choose(finding: 0, options: ["normal", "abnormal"], selected: 0), "the reader's value")
    }
}
