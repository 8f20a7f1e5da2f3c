/// One AUC with its DeLong standard error and a Wald confidence interval AUC ± z·SE
/// (the interval pROC's `ci.auc(method = "delong")` reports; it is not clipped to [0, 1]
/// so it matches pROC, and `ciLow/ciHigh` may exceed the unit interval for AUCs near 1).
public struct AUCEstimate: Sendable, Equatable {
    public let auc: Double
    public let variance: Double
    public let standardError: Double
    public let ciLow: Double
    public let ciHigh: Double
    public let level: Double
    public let positives: Int
    public let negatives: Int

    /// DeLong estimate from case scores (`truth[i]` true = positive/abnormal).
    public init(truth: [Bool], scores: [Double], level: Double = 0.95) {
        precondition(truth.count == scores.count, "one score per case")
        let p = Placements(positives: zip(truth, scores).filter { $0.0 }.map(\.1),
                           negatives: zip(truth, scores).filter { !$0.0 }.map(\.1))
        self.init(placements: p, level: level)
    }

    public init(placements p: Placements, level: Double = 0.95) {
        auc = p.auc
        variance = p.delongVariance
        standardError = variance.squareRoot()
        let z = Normal.quantile(0.5 + level / 2)
        ciLow = auc - z * standardError
        ciHigh = auc + z * standardError
        self.level = level
        positives = p.positive.count
        negatives = p.negative.count
    }

    /// Hanley & McNeil's (Radiology 143:29–36, 1982, eq. 2) exponential-approximation SE:
    /// SE² = [A(1−A) + (m−1)(Q1−A²) + (n−1)(Q2−A²)]/(mn), Q1 = A/(2−A), Q2 = 2A²/(1+A).
    public var hanleyMcNeilStandardError: Double {
        let a = auc, m = Double(positives), n = Double(negatives)
        let q1 = a / (2 - a), q2 = 2 * a * a / (1 + a)
        return ((a * (1 - a) + (m - 1) * (q1 - a * a) + (n - 1) * (q2 - a * a)) / (m * n)).squareRoot()
    }
}
