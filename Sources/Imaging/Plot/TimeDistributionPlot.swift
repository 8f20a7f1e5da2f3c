/// Reading-time distributions: for each reader, one column per arm with every
/// case as a dot and a box (quartiles, median, whiskers) — on a log time axis,
/// where a constant aided/unaided ratio is a constant shift.
public enum TimeDistributionPlot {
    /// One column: a reader × arm.
    public struct Column: Sendable, Equatable {
        public var group: String
        public var values: [Double]
        public var color: PlotColor
        /// lowerWhisker, lowerQuartile, median, upperQuartile, upperWhisker (nil: no box).
        public var box: [Double]?

        public init(group: String, values: [Double], color: PlotColor, box: [Double]?) {
            self.group = group; self.values = values; self.color = color; self.box = box
        }
    }

    /// `yTicks` in seconds (e.g. 1-2-5 decades); the axis spans the first to the last.
    public static func render(title: String, columns: [Column], yTicks: [Double], legend: [(String, PlotColor)],
                              width: Int = 800, height: Int = 560) -> PlotCanvas {
        var canvas = PlotCanvas(width: width, height: height)
        let low = yTicks.first ?? 1, high = max(yTicks.last ?? 10, low * 10)
        let groups = columns.reduce(into: [String]()) { if !$0.contains($1.group) { $0.append($1.group) } }
        let slots = Double(max(columns.count + groups.count, 1))
        let frame = PlotFrame(width: width, height: height, xRange: 0...slots, yRange: low...high, logY: true)
        var groupTicks: [(Double, String)] = []
        var slot = 0.5
        var positions: [Double] = []
        for group in groups {
            let members = columns.filter { $0.group == group }.count
            groupTicks.append((slot + Double(members - 1) / 2 + 0.5, group))
            for _ in 0..<members { slot += 1; positions.append(slot) }
            slot += 1
        }
        frame.drawAxes(on: &canvas, xTicks: groupTicks, yTicks: yTicks.map { ($0, label($0)) }, title: title,
                       xLabel: "reader", yLabel: "active reading time (s, log scale)")
        let half = Double(frame.plotWidth) / slots * 0.32
        for (column, position) in zip(columns, positions) {
            let cx = frame.px(position)
            if let b = column.box, b.count == 5 {
                let tint = column.color.lightened(0.7)
                canvas.line(from: (cx, frame.py(b[0])), to: (cx, frame.py(b[4])), column.color, thickness: 2)
                let top = Int(frame.py(b[3])), bottom = Int(frame.py(b[1]))
                canvas.fill(x: Int(cx - half), y: top, width: Int(2 * half), height: max(bottom - top, 1), tint)
                canvas.line(from: (cx - half, frame.py(b[2])), to: (cx + half, frame.py(b[2])), column.color, thickness: 3)
            }
            // Deterministic jitter: dots spread by their rank, so the picture is reproducible.
            for (i, value) in column.values.enumerated() where value > 0 {
                let offset = (Double(i % 7) - 3) / 3 * half * 0.8
                canvas.fill(x: Int(cx + offset) - 2, y: Int(frame.py(value)) - 2, width: 5, height: 5, column.color)
            }
        }
        frame.drawLegend(on: &canvas, entries: legend)
        return canvas
    }

    static func label(_ seconds: Double) -> String {
        seconds >= 1 ? String(Int(seconds.rounded())) : "0.\(Int((seconds * 10).rounded()))"
    }
}
