/// The empirical (trapezoidal = Wilcoxon–Mann–Whitney) AUC of one reader/test on one case set,
/// with the DeLong placement values ("structural components") it is the mean of.
///
/// AUC = (1/mn) Σ_i Σ_j ψ(X_i, Y_j), ψ = 1 if X > Y, ½ if tied, 0 otherwise — the area under the
/// empirical ROC by the trapezoidal rule (Bamber 1975; Hanley & McNeil, Radiology 143:29–36, 1982).
/// V10_i = (1/n) Σ_j ψ(X_i, Y_j), V01_j = (1/m) Σ_i ψ(X_i, Y_j) (DeLong, DeLong & Clarke-Pearson,
/// Biometrics 44:837–845, 1988), computed from midranks in O((m+n) log(m+n)) (Sun & Xu 2014).
/// X are the scores of truth-positive cases, Y of truth-negative cases; higher = more suspicious.
public struct Placements: Sendable, Equatable {
    public let auc: Double
    /// V10: one per positive case, the share of negatives it outranks.
    public let positive: [Double]
    /// V01: one per negative case, the share of positives that outrank it.
    public let negative: [Double]

    public init(positives: [Double], negatives: [Double]) {
        precondition(!positives.isEmpty && !negatives.isEmpty, "AUC needs at least one positive and one negative case")
        let m = positives.count, n = negatives.count
        let all = Ranks.midranks(positives + negatives)
        let withinPositive = Ranks.midranks(positives)
        let withinNegative = Ranks.midranks(negatives)
        positive = (0..<m).map { (all[$0] - withinPositive[$0]) / Double(n) }
        negative = (0..<n).map { 1 - (all[m + $0] - withinNegative[$0]) / Double(m) }
        auc = positive.reduce(0, +) / Double(m)
    }

    /// DeLong's covariance of two AUCs estimated on the same cases (same truth, same case order):
    /// S10/m + S01/n with S the sample covariances (denominator m−1, n−1) of the placements.
    public func delongCovariance(with other: Placements) -> Double {
        precondition(positive.count == other.positive.count && negative.count == other.negative.count,
                     "DeLong covariance needs the same cases")
        return Self.sampleCovariance(positive, other.positive) / Double(positive.count)
            + Self.sampleCovariance(negative, other.negative) / Double(negative.count)
    }

    /// DeLong's variance of this AUC.
    public var delongVariance: Double { delongCovariance(with: self) }

    static func sampleCovariance(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count > 1 else { return 0 }
        let ma = a.reduce(0, +) / Double(a.count), mb = b.reduce(0, +) / Double(b.count)
        var s = 0.0
        for i in a.indices { s += (a[i] - ma) * (b[i] - mb) }
        return s / Double(a.count - 1)
    }
}
