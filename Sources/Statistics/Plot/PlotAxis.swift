import Foundation

/// Tick positions for plot axes: "nice" numbers (1, 2 or 5 × 10^k steps) on a
/// linear axis (Heckbert, "Nice numbers for graph labels", Graphics Gems 1990),
/// and 1-2-5 decades on a log axis.
public enum PlotAxis {
    /// Ticks covering [low, high] with about `count` intervals; the first tick
    /// is ≤ low and the last ≥ high.
    public static func linearTicks(low: Double, high: Double, count: Int = 5) -> [Double] {
        guard low.isFinite, high.isFinite, count > 0 else { return [] }
        let (lo, hi) = low < high ? (low, high) : (low - 0.5, low + 0.5)
        let step = nice((hi - lo) / Double(count), round: true)
        let first = (lo / step).rounded(.down) * step
        let last = (hi / step).rounded(.up) * step
        let n = Int(((last - first) / step).rounded())
        return (0...n).map { clean(first + Double($0) * step, step: step) }
    }

    /// Ticks 1, 2, 5 × 10^k from the largest one ≤ low to the smallest ≥ high (positive values only).
    public static func logTicks(low: Double, high: Double) -> [Double] {
        guard low > 0, high >= low, low.isFinite, high.isFinite else { return [] }
        var ticks: [Double] = []
        var decade = Foundation.pow(10, Foundation.floor(Foundation.log10(low)))
        scan: while true {
            for m in [1.0, 2.0, 5.0] {
                let t = m * decade
                if t <= low { ticks = [t] } else { ticks.append(t) }
                if t >= high { break scan }
            }
            decade *= 10
        }
        return ticks
    }

    /// Heckbert's nice number: 1, 2, 5 or 10 × 10^k near x.
    static func nice(_ x: Double, round: Bool) -> Double {
        let exponent = Foundation.floor(Foundation.log10(x))
        let fraction = x / Foundation.pow(10, exponent)
        let niceFraction: Double
        if round {
            niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return niceFraction * Foundation.pow(10, exponent)
    }

    /// Removes the binary noise of first + i·step (0.30000000000000004 → 0.3).
    static func clean(_ value: Double, step: Double) -> Double {
        let decimals = max(0, -Int(Foundation.floor(Foundation.log10(step))) + 1)
        let scale = Foundation.pow(10, Double(decimals))
        return (value * scale).rounded() / scale
    }
}
