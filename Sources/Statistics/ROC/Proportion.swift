/// A binomial proportion with its Wilson score interval
/// (Wilson, JASA 22:209–212, 1927; recommended by Newcombe, Stat Med 17:857–872, 1998, method 3):
/// (p̂ + z²/2n ± z√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n).
public struct Proportion: Sendable, Equatable {
    public let successes: Int
    public let trials: Int
    public let estimate: Double
    public let ciLow: Double
    public let ciHigh: Double
    public let level: Double

    public init(successes: Int, trials: Int, level: Double = 0.95) {
        precondition(trials > 0 && successes >= 0 && successes <= trials, "0 ≤ successes ≤ trials, trials > 0")
        self.successes = successes
        self.trials = trials
        self.level = level
        let n = Double(trials), p = Double(successes) / n
        let z = Normal.quantile(0.5 + level / 2), z2 = z * z
        let centre = p + z2 / (2 * n)
        let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        let denominator = 1 + z2 / n
        estimate = p
        // Clamp only rounding: at p̂ = 0 or 1 the bound is exactly 0 or 1.
        ciLow = successes == 0 ? 0 : (centre - half) / denominator
        ciHigh = successes == trials ? 1 : (centre + half) / denominator
    }
}
