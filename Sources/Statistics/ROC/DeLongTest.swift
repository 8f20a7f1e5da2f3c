/// DeLong, DeLong & Clarke-Pearson (Biometrics 44:837–845, 1988) comparison of two AUCs.
///
/// Paired (same cases): Z = (A1 − A2)/√(V1 + V2 − 2C), C the DeLong covariance — pROC's
/// `roc.test(method = "delong", paired = TRUE)`. Unpaired: D = (A1 − A2)/√(V1 + V2) on a t
/// distribution with Welch–Satterthwaite df (V1+V2)²/(V1²/(N1−1) + V2²/(N2−1)), N = all cases
/// of each curve — pROC's `paired = FALSE` form.
public struct DeLongTest: Sendable, Equatable {
    public let first: AUCEstimate
    public let second: AUCEstimate
    /// The DeLong covariance of the two AUCs (0 when unpaired).
    public let covariance: Double
    public let difference: Double
    public let standardError: Double
    /// Z (paired) or D (unpaired).
    public let statistic: Double
    /// nil for the paired (normal) test.
    public let degreesOfFreedom: Double?
    public let p: Double
    public let ciLow: Double
    public let ciHigh: Double

    /// Paired test: two score columns on the same cases.
    public init(truth: [Bool], first a: [Double], second b: [Double], level: Double = 0.95) {
        precondition(truth.count == a.count && a.count == b.count, "one score per case in each column")
        let pa = Placements(positives: zip(truth, a).filter { $0.0 }.map(\.1), negatives: zip(truth, a).filter { !$0.0 }.map(\.1))
        let pb = Placements(positives: zip(truth, b).filter { $0.0 }.map(\.1), negatives: zip(truth, b).filter { !$0.0 }.map(\.1))
        first = AUCEstimate(placements: pa, level: level)
        second = AUCEstimate(placements: pb, level: level)
        covariance = pa.delongCovariance(with: pb)
        difference = first.auc - second.auc
        standardError = max(0, first.variance + second.variance - 2 * covariance).squareRoot()
        statistic = difference / standardError
        degreesOfFreedom = nil
        p = Normal.twoSidedP(statistic)
        let z = Normal.quantile(0.5 + level / 2)
        ciLow = difference - z * standardError
        ciHigh = difference + z * standardError
    }

    /// Unpaired test: two AUCs on different case sets.
    public init(unpaired a: AUCEstimate, _ b: AUCEstimate, level: Double = 0.95) {
        first = a
        second = b
        covariance = 0
        difference = a.auc - b.auc
        let v = a.variance + b.variance
        standardError = v.squareRoot()
        statistic = difference / standardError
        let n1 = Double(a.positives + a.negatives), n2 = Double(b.positives + b.negatives)
        let df = v * v / (a.variance * a.variance / (n1 - 1) + b.variance * b.variance / (n2 - 1))
        degreesOfFreedom = df
        p = StudentT.twoSidedP(statistic, df: df)
        let t = StudentT.quantile(0.5 + level / 2, df: df)
        ciLow = difference - t * standardError
        ciHigh = difference + t * standardError
    }
}
