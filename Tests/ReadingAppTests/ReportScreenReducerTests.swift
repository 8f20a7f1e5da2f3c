import ReadingApp
import TerminalUI
import Testing

/// The report screen's keys and scrolling (its look is golden-tested end to end
/// on a simulated study, `EndToEndTests/ReportScreenTests`).
@Suite struct ReportScreenReducerTests {
    let theme = try! Theme.builtin("dark")

    func model(lines: Int) -> ReportScreenModel {
        ReportScreenModel(title: "experiment t · report", lines: (1...lines).map { .init("line \($0) " + String(repeating: "x", count: 90)) },
                          roc: [], rocLegend: [], times: [], timeScale: PlotAxisScale(1...100, logarithmic: true), timeTicks: [], timeLegend: [])
    }

    @Test func keysMapToActions() {
        #expect(ReportScreen.action(for: .key(.char("q"))) == .quit)
        #expect(ReportScreen.action(for: .key(.escape)) == .quit)
        #expect(ReportScreen.action(for: .key(.pageDown)) == .page(1))
        #expect(ReportScreen.action(for: .key(.end)) == .bottom)
        #expect(ReportScreen.action(for: .key(.right)) == .shift(8))
        #expect(ReportScreen.action(for: .resize(Size(width: 90, height: 30))) == .resized(Size(width: 90, height: 30)))
        #expect(ReportScreen.action(for: .key(.char("z"))) == nil)
    }

    @Test func scrollingIsClampedToTheDocument() {
        var s = ReportScreenState(model: model(lines: 100), size: Size(width: 80, height: 24))
        _ = ReportScreen.reduce(&s, .scroll(-5))
        #expect(s.scroll == 0)
        _ = ReportScreen.reduce(&s, .page(1))
        #expect(s.scroll == 21)
        _ = ReportScreen.reduce(&s, .bottom)
        let bottom = s.scroll
        _ = ReportScreen.reduce(&s, .scroll(3))
        #expect(s.scroll == bottom && bottom > 100 - 22, "the plots below the text are reachable")
        _ = ReportScreen.reduce(&s, .shift(1000))
        #expect(s.shift == "line 100 ".count + 90 - 80 + 1, "the longest line's end reaches the last column")
        _ = ReportScreen.reduce(&s, .top)
        #expect(s.scroll == 0)
        #expect(!s.finished)
        _ = ReportScreen.reduce(&s, .quit)
        #expect(s.finished)
    }

    @Test func renderShowsTitleTextAndKeysAndSurvivesTinySizes() {
        var s = ReportScreenState(model: model(lines: 3), size: Size(width: 40, height: 10))
        _ = ReportScreen.reduce(&s, .shift(8))
        let grid = ReportScreenView.render(s, size: s.size, theme: theme)
        #expect(grid.line(0).hasPrefix(" Lightbox · experiment t · report"))
        #expect(grid.line(1).hasPrefix(" xxxxxxxx"), "shifted 8 columns: \(grid.line(1))")
        #expect(grid.line(9).hasPrefix(" q quit"))
        #expect(ReportScreenView.render(s, size: Size(width: 5, height: 2), theme: theme).line(0) == "termi")
        _ = ReportScreenView.render(s, size: Size(width: 0, height: 0), theme: theme)
    }
}
