/// The covariance estimator for the Obuchowski–Rockette error covariances.
public enum CovarianceMethod: String, Sendable, CaseIterable {
    /// Jackknife over cases (Hillis et al. 2005; the Iowa OR-DBM MRMC default).
    case jackknife
    /// DeLong placement-value covariances (DeLong et al. 1988; Hillis 2014).
    case delong
}

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
        p = Reference.twoSidedP(statistic, df: degreesOfFreedom)
        let q = Reference.quantile(0.5 + level / 2, df: degreesOfFreedom)
        ciLow = estimate - q * standardError
        ciHigh = estimate + q * standardError
    }
}

/// A confidence interval for one treatment's reader-averaged AUC.
public struct TreatmentInterval: Sendable, Equatable {
    public let treatment: String
    public let auc: Double
    public let standardError: Double
    public let degreesOfFreedom: Double?
    public let ciLow: Double
    public let ciHigh: Double

    init(treatment: String, auc: Double, standardError: Double, degreesOfFreedom: Double?, level: Double) {
        self.treatment = treatment
        self.auc = auc
        self.standardError = standardError
        self.degreesOfFreedom = degreesOfFreedom
        let q = Reference.quantile(0.5 + level / 2, df: degreesOfFreedom)
        ciLow = auc - q * standardError
        ciHigh = auc + q * standardError
    }
}

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

/// t with finite df, normal when df is nil or infinite.
enum Reference {
    static func twoSidedP(_ x: Double, df: Double?) -> Double {
        if let df, df.isFinite { return StudentT.twoSidedP(x, df: df) }
        return Normal.twoSidedP(x)
    }

    static func quantile(_ p: Double, df: Double?) -> Double {
        if let df, df.isFinite { return StudentT.quantile(p, df: df) }
        return Normal.quantile(p)
    }
}
