/// The five numbers of a box plot: quartiles by linear interpolation between
/// order statistics (Hyndman & Fan 1996 type 7, R's and numpy's default) and
/// Tukey's whiskers (the most extreme values within 1.5 IQR of the box).
public struct BoxSummary: Sendable, Equatable {
    public let count: Int
    public let lowerQuartile: Double
    public let median: Double
    public let upperQuartile: Double
    public let lowerWhisker: Double
    public let upperWhisker: Double
    /// Values beyond the whiskers.
    public let outliers: [Double]

    /// Nil for no values.
    public init?(_ values: [Double]) {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        count = sorted.count
        let q1 = Self.quantile(sorted, 0.25), q3 = Self.quantile(sorted, 0.75)
        let reach = 1.5 * (q3 - q1)
        let low = sorted.first { $0 >= q1 - reach } ?? q1
        let high = sorted.last { $0 <= q3 + reach } ?? q3
        lowerQuartile = q1
        median = Self.quantile(sorted, 0.5)
        upperQuartile = q3
        lowerWhisker = low
        upperWhisker = high
        outliers = sorted.filter { $0 < low || $0 > high }
    }

    /// Type 7 quantile of sorted values.
    public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        precondition(!sorted.isEmpty, "quantile of no values")
        let h = Double(sorted.count - 1) * min(max(p, 0), 1)
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}
