/// ROC curves per arm (thin lines per reader, a thick pooled curve per arm),
/// the chance diagonal, and a legend with each arm's AUC.
public enum ROCPlot {
    public static func render(title: String, curves: [PlotSeries], legend: [(String, PlotColor)],
                              width: Int = 640, height: Int = 640) -> PlotCanvas {
        var canvas = PlotCanvas(width: width, height: height)
        let frame = PlotFrame(width: width, height: height, xRange: 0...1, yRange: 0...1)
        let ticks = stride(from: 0.0, through: 1.0, by: 0.2).map { ($0, tickLabel($0)) }
        frame.drawAxes(on: &canvas, xTicks: ticks, yTicks: ticks, title: title,
                       xLabel: "1 - specificity (FPR)", yLabel: "sensitivity (TPR)")
        canvas.line(from: (frame.px(0), frame.py(0)), to: (frame.px(1), frame.py(1)), .axis, dash: 6)
        for curve in curves {
            for i in 1..<max(curve.x.count, 1) {
                canvas.line(from: (frame.px(curve.x[i - 1]), frame.py(curve.y[i - 1])),
                            to: (frame.px(curve.x[i]), frame.py(curve.y[i])), curve.color, thickness: curve.thickness)
            }
        }
        frame.drawLegend(on: &canvas, entries: legend)
        return canvas
    }

    static func tickLabel(_ v: Double) -> String {
        v == 0 ? "0" : v == 1 ? "1" : "0.\(Int((v * 10).rounded()))"
    }
}
