import ReadingApp
import TerminalUI
import Testing

/// An experiment session lists all its cases, signed ones included, so progress
/// counts the whole session after a resume; its signed reads cannot be reopened.
@Suite struct ExperimentProgressTests {
    func resumed() -> AppState {
        var s = AppState(reader: "amy", blinding: .experiment(label: "wr s1", arms: [:]), libraryName: "wr session 1")
        s.blinding.arms = ["EXT-1": .aided, "HAND-1": .aided, "SPINE-1": .aided]
        _ = AppReducer.reduce(&s, .libraryLoaded(Fixtures.entries, statuses: ["EXT-1": .signed]))
        return s
    }

    func statusLine(_ s: AppState) -> String {
        AppView.render(s, size: Size(width: 100, height: 24), theme: try! Theme.builtin("dark")).lines.last ?? ""
    }

    @Test func progressCountsTheSignedCasesOfTheSession() {
        var s = resumed()
        #expect(statusLine(s).contains("1/3 signed"))
        #expect(s.rows[s.selected].id == "HAND-1", "the queue opens on the first case not yet signed")
        _ = AppReducer.reduce(&s, .openSelected)
        #expect(statusLine(s).contains("2 of 4"))
    }

    @Test func aSignedCaseOfAnExperimentStaysClosed() {
        var s = resumed()
        _ = AppReducer.reduce(&s, .moveSelection(-1))
        #expect(s.rows[s.selected].id == "EXT-1")
        #expect(AppReducer.reduce(&s, .openSelected) == [])
        #expect(s.study == nil && s.screen == .queue)
        #expect(s.message == "EXT-1 is signed; an experiment's signed reads are locked")
    }
}
