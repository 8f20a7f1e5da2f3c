import ReaderStudy
import ReadingApp
import TerminalUI
import TestSupport
import Testing

/// Each kind's study screen with its findings shown, and the queue with AI flags,
/// at the compact 80×24 and a large 200×60 terminal (golden files in Snapshots/).
@Suite struct KindGoldenTests {
    let theme = try! Theme.builtin("dark")
    static let sizes = [Size(width: 80, height: 24), Size(width: 200, height: 60)]

    func check(_ state: AppState, _ name: String, _ size: Size) {
        var s = state
        _ = AppReducer.reduce(&s, .resized(size))
        // The render a resize asks for arrives (the fixture gradient, scaled by the view).
        if let id = s.study?.study.id { _ = AppReducer.reduce(&s, .imageRendered(studyId: id, Fixtures.rendered(generation: s.study!.renderGeneration))) }
        let grid = AppView.render(s, size: size, theme: theme)
        if let problem = Golden.check(GridSnapshot.render(grid, theme: theme), name: "\(name)-\(size.width)x\(size.height)") {
            Issue.record(Comment(rawValue: problem))
        }
    }

    /// Opens the study at `row` with read 11 and its AI result in.
    func opened(row: Int, id: String, ai: AIResult) -> AppState {
        var s = Fixtures.loadedState()
        _ = AppReducer.reduce(&s, .moveSelection(row - s.selected))
        _ = AppReducer.reduce(&s, .openSelected)
        _ = AppReducer.reduce(&s, .readOpened(studyId: id, readId: 11, decisions: [], confidence: nil))
        _ = AppReducer.reduce(&s, .aiFinished(studyId: id, ai))
        return s
    }

    @Test(arguments: sizes) func extremity(size: Size) {
        var s = opened(row: 0, id: "EXT-1", ai: Fixtures.fractureAI)
        _ = AppReducer.reduce(&s, .accept)
        _ = AppReducer.reduce(&s, .askConfidence)
        _ = AppReducer.reduce(&s, .promptInput("4"))
        _ = AppReducer.reduce(&s, .promptConfirm)
        #expect(s.study?.decisions.first?.state == .accepted)
        check(s, "kind-extremity", size)
    }

    @Test(arguments: sizes) func hand(size: Size) {
        var s = opened(row: 1, id: "HAND-1", ai: Fixtures.boneAgeAI)
        _ = AppReducer.reduce(&s, .override)
        for c in "140" { _ = AppReducer.reduce(&s, .promptInput(c)) }
        _ = AppReducer.reduce(&s, .promptConfirm)
        _ = AppReducer.reduce(&s, .promptCancel)   // no reason
        #expect(s.study?.decisions.first?.readerValue == "140")
        check(s, "kind-hand", size)
    }

    @Test(arguments: sizes) func spine(size: Size) {
        var s = Fixtures.loadedState()
        _ = AppReducer.reduce(&s, .libraryLoaded(Fixtures.entries, statuses: [:]))   // SPINE-1 unread here
        _ = AppReducer.reduce(&s, .moveSelection(3))
        _ = AppReducer.reduce(&s, .openSelected)
        _ = AppReducer.reduce(&s, .readOpened(studyId: "SPINE-1", readId: 11, decisions: [], confidence: nil))
        _ = AppReducer.reduce(&s, .aiFinished(studyId: "SPINE-1", Fixtures.spineAI))
        // Override L2-L3 canal (severe → moderate), accept the rest.
        _ = AppReducer.reduce(&s, .focusNext); _ = AppReducer.reduce(&s, .focusNext); _ = AppReducer.reduce(&s, .focusNext)
        _ = AppReducer.reduce(&s, .override)
        _ = AppReducer.reduce(&s, .promptInput("2"))
        _ = AppReducer.reduce(&s, .promptConfirm)
        _ = AppReducer.reduce(&s, .promptCancel)
        _ = AppReducer.reduce(&s, .acceptAll)
        #expect(s.study?.decisions[3] == FindingDecision(finding: "spine.L2-L3.canalStenosis", aiValue: "severe",
                                                         readerValue: "moderate", state: .overridden))
        #expect(s.study?.pendingCount == 0)
        check(s, "kind-spine", size)
    }

    @Test(arguments: sizes) func queueWithFlagsSortedByFlag(size: Size) {
        var s = Fixtures.loadedState()
        _ = AppReducer.reduce(&s, .aiFlagged(studyId: "EXT-1", Fixtures.fractureAI.flag))
        _ = AppReducer.reduce(&s, .aiFlagged(studyId: "SPINE-1", Fixtures.spineAI.flag))
        _ = AppReducer.reduce(&s, .aiFlagged(studyId: "HAND-1", AIFlag(text: "SDS +0.8", score: 0.2, alert: false)))
        _ = AppReducer.reduce(&s, .cycleSort)
        #expect(s.sort == .aiFlag && s.visibleRows == [3, 0, 1, 2])
        check(s, "kind-queue", size)
    }
}
