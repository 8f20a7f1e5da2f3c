import Testing
import TerminalUI

@Suite struct TerminalPlotTests {
    let theme = try! Theme.builtin("dark")

    @Test func brailleDotsFollowTheUnicodeNumbering() {
        var c = BrailleCanvas(columns: 2, rows: 1)
        // Left column dots 1, 2, 3, 7 (bits 0x01, 0x02, 0x04, 0x40), right column 4, 5, 6, 8.
        for y in 0..<4 { c.set(x: 0, y: y, role: .normal) }
        c.set(x: 3, y: 3, role: .aiValue)
        #expect(c.lines == ["\u{2847}\u{2880}"])
        #expect(c.character(column: 0, row: 0) == "⡇")
        #expect(c.role(column: 1, row: 0) == .aiValue)
        #expect(c.isSet(x: 3, y: 3) && !c.isSet(x: 2, y: 3))
        // Outside is clipped, not trapped.
        c.set(x: -1, y: 0, role: .normal); c.set(x: 4, y: 0, role: .normal); c.set(x: 0, y: 4, role: .normal)
        #expect(c.lines == ["⡇⢀"])
    }

    @Test func linesIncludeBothEndsAndCanBeDotted() {
        var c = BrailleCanvas(columns: 2, rows: 1)
        c.line(from: (0, 3), to: (3, 0), role: .normal)
        #expect((0..<4).allSatisfy { c.isSet(x: $0, y: 3 - $0) })
        #expect(c.lines == ["⡠⠊"])
        var d = BrailleCanvas(columns: 3, rows: 1)
        d.line(from: (0, 0), to: (5, 0), role: .normal, spacing: 3)
        #expect((0..<6).map { d.isSet(x: $0, y: 0) } == [true, false, false, true, false, false])
        // Non-finite and absurd coordinates are ignored or clamped, never trapped.
        d.line(from: (.nan, 0), to: (1, 1), role: .normal)
        d.line(from: (-1e300, 0), to: (1e300, 0), role: .normal)
        #expect((0..<6).allSatisfy { d.isSet(x: $0, y: 0) })
    }

    @Test func lastSeriesDrawnOwnsTheCell() {
        var c = BrailleCanvas(columns: 1, rows: 1)
        c.set(x: 0, y: 0, role: .muted)
        c.set(x: 1, y: 1, role: .aiValue)
        var g = CellGrid(size: Size(width: 3, height: 1))
        c.draw(x: 1, y: 0, grid: &g, theme: theme)
        #expect(g[1, 0] == Cell("⠑", style: theme.style(.aiValue)))
        #expect(g[0, 0] == .blank && g[2, 0] == .blank)
    }

    @Test func logScaleMakesEqualRatiosEqualDistances() {
        let s = PlotAxisScale(10...1000, logarithmic: true)
        #expect(abs(s.fraction(100) - 0.5) < 1e-12)
        #expect(abs(s.position(1000, count: 11) - 10) < 1e-12)
        #expect(s.fraction(0) == 0 && s.fraction(-5) == 0)
        #expect(PlotAxisScale(0...1).position(0.5, count: 5) == 2)
    }

    @Test func linePlotDrawsAxesTicksAndTheDiagonal() {
        var g = CellGrid(size: Size(width: 12, height: 6))
        let ticks = [TerminalLinePlot.Tick(0, "0"), TerminalLinePlot.Tick(1, "1")]
        TerminalLinePlot.draw([.init(points: [.init(0, 0), .init(1, 1)], role: .aiValue)], x: PlotAxisScale(0...1), y: PlotAxisScale(0...1),
                              xTicks: ticks, yTicks: ticks, in: g.bounds, grid: &g, theme: theme)
        #expect(g.lines == [
            "1 ┤       ⡠⠊",
            "  │    ⢀⠔⠉  ",
            "  │  ⣀⠔⠁    ",
            "0 ┤⡠⠊       ",
            "  └┬───────┬",
            "   0       1",
        ])
        #expect(g[11, 0].style == theme.style(.aiValue))
        #expect(g[2, 4].style == theme.style(.border))
        #expect(g[0, 0].style == theme.style(.muted))
    }

    @Test func tooSmallARectangleIsLeftAlone() {
        var g = CellGrid(size: Size(width: 4, height: 2))
        TerminalLinePlot.draw([.init(points: [.init(0, 0), .init(1, 1)], role: .normal)], x: PlotAxisScale(0...1), y: PlotAxisScale(0...1),
                              xTicks: [], yTicks: [], in: g.bounds, grid: &g, theme: theme)
        TerminalBoxPlot.draw([.init(label: "a", values: [1], box: nil, role: .normal)], scale: PlotAxisScale(1...10), ticks: [],
                             in: g.bounds, grid: &g, theme: theme)
        #expect(g.lines == ["    ", "    "])
    }

    @Test func boxPlotShowsWhiskersBoxMedianAndEveryValue() {
        var g = CellGrid(size: Size(width: 16, height: 6))
        let values: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        TerminalBoxPlot.draw([.init(label: "r1", values: values, box: [1, 3, 5, 7, 10], role: .readerValue),
                              .init(label: "r2", values: [5], box: nil, role: .aiValue)],
                             scale: PlotAxisScale(1...10), ticks: [.init(1, "1"), .init(10, "10")],
                             in: g.bounds, grid: &g, theme: theme)
        #expect(g.lines == [
            "r1 │├─▒▒▒█▒▒───┤",
            "   │⠁⠐⠠ ⡀⠁⠐⠠ ⡀⠁⠐",
            "r2 │            ",
            "   │     ⠁      ",
            "   └┬──────────┬",
            "    1         10",
        ])
        // The median (5) sits 4/9 of the way along the 12 columns.
        #expect(g[9, 0] == Cell("█", style: theme.style(.readerValue)))
        #expect(g[0, 0].style == theme.style(.readerValue))
        #expect(g[9, 3].style == theme.style(.aiValue))
    }
}
