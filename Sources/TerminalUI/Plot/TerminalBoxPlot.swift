/// Distributions as horizontal box plots, one row per group, on a shared
/// (optionally logarithmic) value axis: whiskers `├─ ─┤`, the quartile box `▒`,
/// the median `█`. With room for two rows per group, a second row shows every
/// value as a braille dot (spread over the four dot rows by rank, so the
/// picture is reproducible).
public enum TerminalBoxPlot {
    public struct Group: Sendable, Equatable {
        public var label: String
        public var values: [Double]
        /// lower whisker, lower quartile, median, upper quartile, upper whisker (nil: dots only).
        public var box: [Double]?
        public var role: Role

        public init(label: String, values: [Double], box: [Double]?, role: Role) {
            self.label = label; self.values = values; self.box = box; self.role = role
        }
    }

    public static func draw(_ groups: [Group], scale: PlotAxisScale, ticks: [TerminalLinePlot.Tick],
                            in rect: Rect, grid: inout CellGrid, theme: Theme) {
        let labelWidth = min((groups.map { $0.label.unicodeScalars.count }.max() ?? 0), rect.width / 3) + 1
        let plot = Rect(x: rect.x + labelWidth + 1, y: rect.y, width: rect.width - labelWidth - 1, height: rect.height - 2)
        guard plot.width >= 4, plot.height >= 1, !groups.isEmpty else { return }
        let rowsPerGroup = plot.height >= 2 * groups.count ? 2 : 1
        let axis = theme.style(.border), muted = theme.style(.muted)
        func column(_ v: Double) -> Int {
            plot.x + Int(min(max(scale.position(v, count: plot.width), 0), Double(plot.width - 1)).rounded())
        }
        for (i, group) in groups.enumerated() {
            let row = plot.y + i * rowsPerGroup
            guard row < plot.maxY else { break }
            let style = theme.style(group.role)
            grid.write(TextLayout.fit(group.label, labelWidth - 1), x: rect.x, y: row, style: style, maxWidth: labelWidth - 1)
            grid.put(Cell("│", style: axis), x: plot.x - 1, y: row)
            if rowsPerGroup == 2, row + 1 < plot.maxY { grid.put(Cell("│", style: axis), x: plot.x - 1, y: row + 1) }
            if let b = group.box, b.count == 5 {
                let lw = column(b[0]), q1 = column(b[1]), median = column(b[2]), q3 = column(b[3]), uw = column(b[4])
                for c in lw...max(lw, uw) { grid.put(Cell("─", style: style), x: c, y: row) }
                for c in q1...max(q1, q3) { grid.put(Cell("▒", style: style), x: c, y: row) }
                if lw < q1 { grid.put(Cell("├", style: style), x: lw, y: row) }
                if uw > q3 { grid.put(Cell("┤", style: style), x: uw, y: row) }
                grid.put(Cell("█", style: style), x: median, y: row)
            }
            if rowsPerGroup == 2 || group.box == nil {
                var dots = BrailleCanvas(columns: plot.width, rows: 1)
                let order = group.values.indices.sorted { group.values[$0] < group.values[$1] }
                for (rank, index) in order.enumerated() {
                    let x = scale.position(group.values[index], count: dots.dotWidth)
                    dots.set(x: Int(min(max(x, 0), Double(dots.dotWidth - 1)).rounded()), y: rank % 4, role: group.role)
                }
                dots.draw(x: plot.x, y: rowsPerGroup == 2 ? row + 1 : row, grid: &grid, theme: theme)
            }
        }
        let axisRow = plot.maxY
        grid.put(Cell("└", style: axis), x: plot.x - 1, y: axisRow)
        for c in plot.x..<plot.maxX { grid.put(Cell("─", style: axis), x: c, y: axisRow) }
        var nextFree = rect.x
        for tick in ticks {
            let c = column(tick.value)
            grid.put(Cell("┬", style: axis), x: c, y: axisRow)
            let width = tick.label.unicodeScalars.count
            let start = min(max(c - width / 2, nextFree), rect.maxX - width)
            guard start >= nextFree else { continue }
            grid.write(tick.label, x: start, y: axisRow + 1, style: muted, maxWidth: rect.maxX - start)
            nextFree = start + width + 1
        }
    }
}
