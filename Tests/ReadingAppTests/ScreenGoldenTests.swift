import ReaderStudy
import ReadingApp
import TerminalUI
import TestSupport
import Testing

/// Whole screens against golden files in Snapshots/ (text, then style runs).
@Suite struct ScreenGoldenTests {
    let theme = try! Theme.builtin("dark")

    func check(_ state: AppState, _ name: String, width: Int = 80, height: Int = 24) {
        let grid = AppView.render(state, size: Size(width: width, height: height), theme: theme)
        if let problem = Golden.check(GridSnapshot.render(grid, theme: theme), name: name) { Issue.record(Comment(rawValue: problem)) }
    }

    @Test func queue80x24() { check(Fixtures.loadedState(), "queue-80x24") }

    @Test func handStudyWithAI80x24() {
        var s = Fixtures.loadedState()
        _ = AppReducer.reduce(&s, .moveSelection(1))
        _ = AppReducer.reduce(&s, .openSelected)
        _ = AppReducer.reduce(&s, .readOpened(studyId: "HAND-1", readId: 7, decisions: [], confidence: nil))
        _ = AppReducer.reduce(&s, .imageRendered(studyId: "HAND-1", Fixtures.rendered(generation: 1)))
        _ = AppReducer.reduce(&s, .aiFinished(studyId: "HAND-1", Fixtures.handAI))
        check(s, "study-hand-80x24")
    }

    @Test func spineStudyUnaidedWithChoicePrompt() {
        var s = Fixtures.loadedState(mode: .experiment(label: "unaided", arms: [:]))
        _ = AppReducer.reduce(&s, .moveSelection(3))
        _ = AppReducer.reduce(&s, .openSelected)
        _ = AppReducer.reduce(&s, .readOpened(studyId: "SPINE-1", readId: 2, decisions: [], confidence: nil))
        _ = AppReducer.reduce(&s, .override)
        check(s, "study-spine-unaided-100x30", width: 100, height: 30)
        let text = GridSnapshot.render(AppView.render(s, size: Size(width: 100, height: 30), theme: theme), theme: theme)
        #expect(!text.contains("AI:"), "an unaided screen must not mention the AI's values")
    }

    @Test func helpOverlay() {
        var s = Fixtures.loadedState()
        _ = AppReducer.reduce(&s, .toggleHelp)
        check(s, "help-80x24")
    }

    @Test func helpListsEveryBoundKey() {
        let keys = KeyMap.help.map(\.keys).joined(separator: " ")
        for k in ["Enter", "Tab", "a", "A", "o", "c", "S", "Esc", "?", "q", "p"] {
            #expect(keys.split(separator: " ").contains(Substring(k)), "help lacks \(k)")
        }
    }
}
