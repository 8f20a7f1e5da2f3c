/// An estimate with a percentile bootstrap interval (Efron & Tibshirani, *An Introduction to the
/// Bootstrap*, 1993, ch. 13): resample the units with replacement `replicates` times from a seeded
/// xoshiro256** stream, recompute, and take the (1−level)/2 and (1+level)/2 quantiles (type-7
/// linear interpolation, R's default). Same seed, same data → same interval, everywhere.
public struct BootstrapInterval: Sendable, Equatable {
    public let estimate: Double
    public let ciLow: Double
    public let ciHigh: Double
    public let level: Double
    public let replicates: Int
    public let seed: UInt64

    public init(units: Int, replicates: Int = 2000, seed: UInt64 = 1, level: Double = 0.95,
                statistic: ([Int]) -> Double) {
        precondition(units > 0 && replicates > 1)
        estimate = statistic(Array(0..<units))
        var rng = Xoshiro256StarStar(seed: seed)
        var values = [Double]()
        values.reserveCapacity(replicates)
        var sample = [Int](repeating: 0, count: units)
        for _ in 0..<replicates {
            for i in 0..<units { sample[i] = rng.index(below: units) }
            values.append(statistic(sample))
        }
        values.sort()
        ciLow = Self.quantile(values, (1 - level) / 2)
        ciHigh = Self.quantile(values, (1 + level) / 2)
        self.level = level
        self.replicates = replicates
        self.seed = seed
    }

    /// Type-7 sample quantile of sorted values.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}
