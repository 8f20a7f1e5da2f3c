/// One pairwise treatment comparison: first − second.
public struct TreatmentDifference: Sendable, Equatable {
    public let first: String
    public let second: String
    public let estimate: Double
    public let standardError: Double
    /// Degrees of freedom of the t reference distribution; nil when it is the normal.
    public let degreesOfFreedom: Double?
    /// t or z.
    public let statistic: Double
    public let p: Double
    public let ciLow: Double
    public let ciHigh: Double

    init(first: String, second: String, estimate: Double, standardError: Double, degreesOfFreedom: Double?, level: Double) {
        self.first = first
        self.second = second
        self.estimate = estimate
        self.standardError = standardError
        self.degreesOfFreedom = degreesOfFreedom
        statistic = estimate / standardError
        p = ReferenceDistribution.twoSidedP(statistic, df: degreesOfFreedom)
        let q = ReferenceDistribution.quantile(0.5 + level / 2, df: degreesOfFreedom)
        ciLow = estimate - q * standardError
        ciHigh = estimate + q * standardError
    }
}
