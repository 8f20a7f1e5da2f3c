/// A line plot in a rectangle of cells: y tick labels on the left, an L-shaped
/// axis, x tick labels underneath, and the series as braille dots. Series are
/// drawn in order, so a cell shared by two takes the later one's role.
public enum TerminalLinePlot {
    public struct Series: Sendable, Equatable {
        public var points: [Point]
        public var role: Role
        /// Dotted (every third dot), for reference lines such as ROC chance.
        public var dotted: Bool

        public init(points: [Point], role: Role, dotted: Bool = false) {
            self.points = points; self.role = role; self.dotted = dotted
        }
    }

    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double
        public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
    }

    public struct Tick: Sendable, Equatable {
        public var value: Double
        public var label: String
        public init(_ value: Double, _ label: String) { self.value = value; self.label = label }
    }

    /// Needs at least 3 rows and a few columns beyond the labels; smaller rectangles are left untouched.
    public static func draw(_ series: [Series], x: PlotAxisScale, y: PlotAxisScale, xTicks: [Tick], yTicks: [Tick],
                            in rect: Rect, grid: inout CellGrid, theme: Theme) {
        let gutter = (yTicks.map { $0.label.unicodeScalars.count }.max() ?? 0) + 1
        let plot = Rect(x: rect.x + gutter, y: rect.y, width: rect.width - gutter, height: rect.height - 2)
        guard plot.width >= 4, plot.height >= 1 else { return }
        var canvas = BrailleCanvas(columns: plot.width - 1, rows: plot.height)
        func dot(_ p: Point) -> (x: Double, y: Double) {
            (x.position(p.x, count: canvas.dotWidth), Double(canvas.dotHeight - 1) - y.position(p.y, count: canvas.dotHeight))
        }
        for s in series {
            if s.points.count == 1 { let d = dot(s.points[0]); canvas.line(from: d, to: d, role: s.role) }
            for (a, b) in zip(s.points, s.points.dropFirst()) {
                canvas.line(from: dot(a), to: dot(b), role: s.role, spacing: s.dotted ? 3 : 1)
            }
        }
        let axis = theme.style(.border), label = theme.style(.muted)
        let axisRow = plot.maxY, axisColumn = plot.x
        for row in plot.y..<plot.maxY { grid.put(Cell("│", style: axis), x: axisColumn, y: row) }
        grid.put(Cell("└", style: axis), x: axisColumn, y: axisRow)
        for column in axisColumn + 1..<plot.maxX { grid.put(Cell("─", style: axis), x: column, y: axisRow) }
        for tick in yTicks {
            let row = plot.y + Int((dot(Point(x.range.lowerBound, tick.value)).y / 4).rounded(.down))
            guard row >= plot.y, row < plot.maxY else { continue }
            grid.put(Cell("┤", style: axis), x: axisColumn, y: row)
            grid.write(TextLayout.right(tick.label, gutter - 1), x: rect.x, y: row, style: label, maxWidth: gutter - 1)
        }
        var nextFree = rect.x
        for tick in xTicks {
            let column = axisColumn + 1 + Int((dot(Point(tick.value, y.range.lowerBound)).x / 2).rounded(.down))
            guard column > axisColumn, column < plot.maxX else { continue }
            grid.put(Cell("┬", style: axis), x: column, y: axisRow)
            let width = tick.label.unicodeScalars.count
            let start = min(max(column - width / 2, nextFree), rect.maxX - width)
            guard start >= nextFree else { continue }
            grid.write(tick.label, x: start, y: axisRow + 1, style: label, maxWidth: rect.maxX - start)
            nextFree = start + width + 1
        }
        canvas.draw(x: plot.x + 1, y: plot.y, grid: &grid, theme: theme)
    }
}
