/// Modality LUT as a linear rescale (PS3.3 C.11.1): output = slope × stored + intercept.
/// Lookup-table modality LUTs (0028,3000) are not supported; files carrying one still
/// display through the rescale (identity when absent).
public struct ModalityLUT: Sendable, Equatable {
    public var slope: Double
    public var intercept: Double

    public init(slope: Double = 1, intercept: Double = 0) {
        self.slope = slope
        self.intercept = intercept
    }

    @inline(__always) public func apply(_ stored: Int32) -> Double {
        Double(stored) * slope + intercept
    }

    public func apply<S: Sequence>(_ stored: S) -> [Double] where S.Element == Int32 {
        stored.map { apply($0) }
    }

    public struct Stats: Sendable, Equatable {
        public var min: Double
        public var max: Double
        public var mean: Double
    }

    /// Min, max and mean of the modality values (nil for no values).
    public func stats<S: Sequence>(_ stored: S) -> Stats? where S.Element == Int32 {
        var lo = Int32.max, hi = Int32.min
        var sum = 0.0, n = 0
        for v in stored {
            if v < lo { lo = v }
            if v > hi { hi = v }
            sum += Double(v)
            n += 1
        }
        guard n > 0 else { return nil }
        let a = apply(lo), b = apply(hi)
        return Stats(min: Swift.min(a, b), max: Swift.max(a, b), mean: sum / Double(n) * slope + intercept)
    }
}
