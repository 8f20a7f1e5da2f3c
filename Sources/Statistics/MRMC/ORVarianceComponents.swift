/// Obuchowski–Rockette variance components (Hillis et al. 2005, Table I; the "ANOVA estimates,
/// which can be negative" of OR-DBM MRMC): σ²_TR = MS(T×R) − Var + Cov1 + Cov2 − Cov3 and
/// σ²_R = [MS(R) − Var − (t−1)Cov1 + Cov2 + (t−1)Cov3 − σ²_TR]/t, from the expected mean squares.
public struct ORVarianceComponents: Sendable, Equatable {
    public let varR: Double
    public let varTR: Double
    public let cov1: Double
    public let cov2: Double
    public let cov3: Double
    /// Var(Error).
    public let variance: Double

    public var correlation1: Double { cov1 / variance }
    public var correlation2: Double { cov2 / variance }
    public var correlation3: Double { cov3 / variance }

    public init(varR: Double, varTR: Double, cov1: Double, cov2: Double, cov3: Double, variance: Double) {
        self.varR = varR
        self.varTR = varTR
        self.cov1 = cov1
        self.cov2 = cov2
        self.cov3 = cov3
        self.variance = variance
    }

    init(msR: Double, msTR: Double, treatments t: Int, variance v: Double, cov1: Double, cov2: Double, cov3: Double) {
        let tD = Double(t)
        let varTR = msTR - v + cov1 + cov2 - cov3
        self.init(varR: (msR - v - (tD - 1) * cov1 + cov2 + (tD - 1) * cov3 - varTR) / tD,
                  varTR: varTR, cov1: cov1, cov2: cov2, cov3: cov3, variance: v)
    }
}
