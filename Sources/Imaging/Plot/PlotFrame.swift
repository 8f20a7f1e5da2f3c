import Foundation

/// The plotting rectangle of a canvas and the mapping from data to pixels:
/// axes, grid lines, tick labels and titles, shared by the report plots.
struct PlotFrame {
    var left = 80, top = 50, right = 24, bottom = 70
    let width: Int
    let height: Int
    var xRange: ClosedRange<Double>
    var yRange: ClosedRange<Double>
    var logY = false

    var plotWidth: Int { width - left - right }
    var plotHeight: Int { height - top - bottom }

    func px(_ x: Double) -> Double {
        Double(left) + (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * Double(plotWidth)
    }

    func py(_ y: Double) -> Double {
        let (v, lo, hi) = logY ? (log(y), log(yRange.lowerBound), log(yRange.upperBound)) : (y, yRange.lowerBound, yRange.upperBound)
        return Double(top + plotHeight) - (v - lo) / (hi - lo) * Double(plotHeight)
    }

    private func log(_ v: Double) -> Double { v > 0 ? Foundation.log(v) : -1e9 }

    func drawAxes(on canvas: inout PlotCanvas, xTicks: [(Double, String)], yTicks: [(Double, String)],
                  title: String, xLabel: String, yLabel: String) {
        for (y, label) in yTicks {
            let p = py(y)
            canvas.line(from: (Double(left), p), to: (Double(left + plotWidth), p), .grid)
            canvas.text(label, x: left - 8 - PlotCanvas.textWidth(label), y: Int(p) - 7, .axis)
        }
        for (x, label) in xTicks {
            let p = px(x)
            if xTicks.count > 1 { canvas.line(from: (p, Double(top)), to: (p, Double(top + plotHeight)), .grid) }
            canvas.text(label, x: Int(p) - PlotCanvas.textWidth(label) / 2, y: top + plotHeight + 10, .axis)
        }
        canvas.line(from: (Double(left), Double(top)), to: (Double(left), Double(top + plotHeight)), .axis, thickness: 2)
        canvas.line(from: (Double(left), Double(top + plotHeight)), to: (Double(left + plotWidth), Double(top + plotHeight)), .axis, thickness: 2)
        canvas.text(title, x: (width - PlotCanvas.textWidth(title)) / 2, y: 6, .black)
        canvas.text(xLabel, x: left + (plotWidth - PlotCanvas.textWidth(xLabel)) / 2, y: height - 30, .black)
        // The y label goes above the axis: the 5×7 font is not rotated.
        canvas.text(yLabel, x: 8, y: top - 18, .black)
    }

    func drawLegend(on canvas: inout PlotCanvas, entries: [(String, PlotColor)]) {
        let lineHeight = 20
        let textWidth = entries.map { PlotCanvas.textWidth($0.0) }.max() ?? 0
        let boxWidth = textWidth + 44, boxHeight = entries.count * lineHeight + 10
        let x = left + plotWidth - boxWidth - 8, y = top + plotHeight - boxHeight - 8
        canvas.fill(x: x, y: y, width: boxWidth, height: boxHeight, .white)
        for (i, (label, color)) in entries.enumerated() {
            let ly = y + 6 + i * lineHeight
            canvas.fill(x: x + 8, y: ly + 4, width: 20, height: 6, color)
            canvas.text(label, x: x + 36, y: ly, .black)
        }
    }
}
