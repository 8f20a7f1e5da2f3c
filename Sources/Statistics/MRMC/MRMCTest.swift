/// The global test of equal treatment AUCs under one choice of random factors, with the
/// pairwise differences and single-treatment intervals of that analysis.
public struct MRMCTest: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case randomReadersRandomCases, fixedReadersRandomCases, randomReadersFixedCases
    }

    public let kind: Kind
    /// F, or for a chi-square test (OR fixed readers) F = X²/ndf so that F is always comparable.
    public let F: Double
    public let ndf: Double
    /// Denominator degrees of freedom; nil for the chi-square test (ddf = ∞).
    public let ddf: Double?
    public let p: Double
    /// The chi-square statistic when `ddf` is nil.
    public var chiSquare: Double? { ddf == nil ? F * ndf : nil }
    public let differences: [TreatmentDifference]
    public let treatments: [TreatmentInterval]

    init(kind: Kind, F: Double, ndf: Double, ddf: Double?, differences: [TreatmentDifference], treatments: [TreatmentInterval]) {
        self.kind = kind
        self.F = F
        self.ndf = ndf
        self.ddf = ddf
        if let ddf, ddf.isFinite {
            p = FisherF.sf(F, ndf: ndf, ddf: ddf)
        } else {
            p = ChiSquared.sf(F * ndf, df: ndf)
        }
        self.differences = differences
        self.treatments = treatments
    }
}
