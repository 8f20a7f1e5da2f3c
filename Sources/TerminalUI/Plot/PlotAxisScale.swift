import Foundation

/// Maps data values onto `0…(count − 1)` positions (dots or cells), linearly
/// or on a log scale, where a constant ratio is a constant distance.
public struct PlotAxisScale: Sendable, Equatable {
    public var range: ClosedRange<Double>
    public var logarithmic: Bool

    public init(_ range: ClosedRange<Double>, logarithmic: Bool = false) {
        self.range = range; self.logarithmic = logarithmic
    }

    /// The fraction of the way from the low to the high end (not clamped).
    public func fraction(_ v: Double) -> Double {
        if logarithmic {
            guard v > 0, range.lowerBound > 0, range.upperBound > range.lowerBound else { return 0 }
            return log(v / range.lowerBound) / log(range.upperBound / range.lowerBound)
        }
        let span = range.upperBound - range.lowerBound
        return span > 0 ? (v - range.lowerBound) / span : 0
    }

    /// Position among `count` slots, 0 at the low end.
    public func position(_ v: Double, count: Int) -> Double { fraction(v) * Double(max(count - 1, 0)) }
}
