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
        let q = ReferenceDistribution.quantile(0.5 + level / 2, df: degreesOfFreedom)
        ciLow = auc - q * standardError
        ciHigh = auc + q * standardError
    }
}
