import TerminalUI

/// Renders the report screen: a title bar, the body (see `ReportScreenLayout`)
/// and a status line with the keys. Pure: the same state gives the same grid.
public enum ReportScreenView {
    public static func render(_ state: ReportScreenState, size: Size, theme: Theme) -> CellGrid {
        var grid = CellGrid(size: size, fill: Cell(" ", style: theme.style(.normal)))
        guard size.width >= 20, size.height >= 6 else {
            grid.write("terminal too small", x: 0, y: 0, style: theme.style(.warning))
            return grid
        }
        let layout = ReportScreenLayout(model: state.model, size: size)
        let scroll = max(0, min(state.scroll, layout.maxScroll))
        let shift = max(0, min(state.shift, layout.maxShift))

        grid.fill(Rect(x: 0, y: 0, width: size.width, height: 1), with: Cell(" ", style: theme.style(.statusBar)))
        grid.write(" Lightbox · \(state.model.title)", x: 0, y: 0, style: theme.style(.title), maxWidth: size.width)

        // The document is drawn whole into a tall grid, then the visible rows are copied:
        // plots and text scroll together without any clipping arithmetic in the widgets.
        var document = CellGrid(size: Size(width: layout.document.width, height: max(layout.documentHeight, 1)),
                                fill: Cell(" ", style: theme.style(.normal)))
        for (row, line) in state.model.lines.enumerated() {
            let visible = String(String.UnicodeScalarView(line.text.unicodeScalars.dropFirst(shift)))
            document.write(visible, x: 1, y: row, style: theme.style(line.role), maxWidth: layout.document.width - 1)
        }
        if let rows = layout.rocRows {
            drawROC(state.model, in: Rect(x: 1, y: rows.lowerBound, width: layout.document.width - 2, height: rows.count),
                    grid: &document, theme: theme)
        }
        if let rows = layout.timeRows {
            drawTimes(state.model, in: Rect(x: 1, y: rows.lowerBound, width: layout.document.width - 2, height: rows.count),
                      grid: &document, theme: theme)
        }
        for row in 0..<layout.document.height where scroll + row < document.size.height {
            for x in 0..<layout.document.width {
                grid.put(document[x, scroll + row], x: layout.document.x + x, y: layout.document.y + row)
            }
        }

        if let plots = layout.plots {
            for row in plots.y..<plots.maxY { grid.put(Cell("│", style: theme.style(.border)), x: plots.x - 1, y: row) }
            let timeHeight = ReportScreenLayout.timeHeight(groups: state.model.times.count, limit: plots.height / 2)
            let (top, bottom) = plots.takeBottom(timeHeight)
            drawROC(state.model, in: Rect(x: top.x + 1, y: top.y, width: top.width - 2, height: top.height - 1), grid: &grid, theme: theme)
            drawTimes(state.model, in: Rect(x: bottom.x + 1, y: bottom.y, width: bottom.width - 2, height: bottom.height),
                      grid: &grid, theme: theme)
        }

        let status = size.height - 1
        grid.fill(Rect(x: 0, y: status, width: size.width, height: 1), with: Cell(" ", style: theme.style(.statusBar)))
        var x = 1
        for (key, what) in [("q", "quit"), ("↑↓ PgUp PgDn", "scroll"), ("←→", "wide tables")] {
            x += grid.write(key, x: x, y: status, style: theme.style(.key))
            x += grid.write(" \(what)  ", x: x, y: status, style: theme.style(.statusBar))
        }
        let position = "rows \(scroll + 1)–\(min(scroll + layout.document.height, layout.documentHeight)) of \(layout.documentHeight) "
        if x + position.unicodeScalars.count < size.width {
            grid.write(position, x: size.width - position.unicodeScalars.count, y: status, style: theme.style(.statusBar))
        }
        return grid
    }

    static func legend(_ entries: [ReportScreenModel.LegendEntry], x: Int, y: Int, width: Int, grid: inout CellGrid, theme: Theme) {
        var cx = x
        for entry in entries where cx < x + width {
            cx += grid.write("━━ \(entry.label)   ", x: cx, y: y, style: theme.style(entry.role), maxWidth: x + width - cx)
        }
    }

    /// Title, legend and a square-looking ROC plot (cells are about twice as tall as wide).
    static func drawROC(_ model: ReportScreenModel, in rect: Rect, grid: inout CellGrid, theme: Theme) {
        guard rect.height >= 6, rect.width >= 16 else { return }
        grid.write("ROC per arm (pooled; readers dim) — 1 − specificity across, sensitivity up", x: rect.x, y: rect.y,
                   style: theme.style(.header), maxWidth: rect.width)
        legend(model.rocLegend, x: rect.x, y: rect.y + 1, width: rect.width, grid: &grid, theme: theme)
        let rows = rect.height - 2
        let width = min(rect.width, 2 * (rows - 2) + 6)
        let ticks = [0, 0.2, 0.4, 0.6, 0.8, 1].map { TerminalLinePlot.Tick($0, $0 == 0 ? "0" : $0 == 1 ? "1" : format02($0)) }
        let chance = TerminalLinePlot.Series(points: [.init(0, 0), .init(1, 1)], role: .border, dotted: true)
        TerminalLinePlot.draw([chance] + model.roc, x: PlotAxisScale(0...1), y: PlotAxisScale(0...1), xTicks: ticks, yTicks: ticks,
                              in: Rect(x: rect.x, y: rect.y + 2, width: width, height: rows), grid: &grid, theme: theme)
    }

    static func drawTimes(_ model: ReportScreenModel, in rect: Rect, grid: inout CellGrid, theme: Theme) {
        guard rect.height >= 5, rect.width >= 16 else { return }
        grid.write("Active reading time per reader and arm (s, log scale; box: quartiles, █ median, dots: cases)",
                   x: rect.x, y: rect.y, style: theme.style(.header), maxWidth: rect.width)
        legend(model.timeLegend, x: rect.x, y: rect.y + 1, width: rect.width, grid: &grid, theme: theme)
        if model.times.isEmpty {
            grid.write("no timed reads", x: rect.x, y: rect.y + 2, style: theme.style(.muted), maxWidth: rect.width)
            return
        }
        TerminalBoxPlot.draw(model.times, scale: model.timeScale, ticks: model.timeTicks,
                             in: Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: rect.height - 2), grid: &grid, theme: theme)
    }

    /// "0.2" for 0.2: one decimal without Foundation formatting.
    static func format02(_ v: Double) -> String { "0.\(Int((v * 10).rounded()))" }
}
