/// Power and sample size for a two-treatment MRMC ROC study from pilot Obuchowski–Rockette
/// variance components (Hillis, Obuchowski & Berbaum, Acad Radiol 18:129–142, 2011; the same
/// formulas as RJafroc's `SsPowerGivenJK`, whose stored Van Dyke values the tests reproduce).
/// Error variance and covariances scale with
/// the pilot-to-planned case ratio s = c_pilot/K; the AUC difference d gives Σ(τ − τ̄)² = d²/2.
///   RRRC: λ = J·d²/2 / [σ²_TR + s(Var − Cov1 + (J−1)·max(Cov2 − Cov3, 0))],
///         ddf = [E + J·s·max(Cov2 − Cov3, 0)]² / [E²/(J−1)], E = σ²_TR + s(Var − Cov1 − Cov2 + Cov3);
///   FRRC: λ = J·d²/2 / [s(Var − Cov1 + (J−1)·max(Cov2 − Cov3, 0))], χ² with 1 df;
///   RRFC: λ = J·d²/2 / E, F(1, J−1).
/// σ²_TR is taken as max(0, σ²_TR). Power = P(non-central statistic > central critical value at α).
public struct HillisObuchowskiPower: Sendable, Equatable {
    public enum Analysis: String, Sendable, CaseIterable { case rrrc, frrc, rrfc }

    public let components: ORVarianceComponents
    public let pilotCases: Int

    public init(components: ORVarianceComponents, pilotCases: Int) {
        self.components = components
        self.pilotCases = pilotCases
    }

    public struct Result: Sendable, Equatable {
        public let readers: Int
        public let cases: Int
        public let power: Double
        public let noncentrality: Double
        /// nil for the chi-square (fixed-reader) test.
        public let ddf: Double?
    }

    public func power(readers j: Int, cases k: Int, effect d: Double, alpha: Double = 0.05, analysis: Analysis = .rrrc) -> Result {
        let c = components, s = Double(pilotCases) / Double(k), jD = Double(j)
        let numerator = jD * d * d / 2
        // A negative σ²_TR estimate counts as zero (as RJafroc's SsPowerGivenJKOrVarComp does):
        // left negative, it makes the denominator negative for large K and the power undefined.
        let varTR = max(0, c.varTR)
        let e = varTR + s * (c.variance - c.cov1 - c.cov2 + c.cov3)
        switch analysis {
        case .rrrc:
            let extra = jD * s * max(c.cov2 - c.cov3, 0)
            let lambda = numerator / (e + extra)
            let ddf = (e + extra) * (e + extra) / (e * e / (jD - 1))
            let critical = FisherF.quantile(1 - alpha, ndf: 1, ddf: ddf)
            return Result(readers: j, cases: k, power: Noncentral.fSF(critical, ndf: 1, ddf: ddf, noncentrality: lambda), noncentrality: lambda, ddf: ddf)
        case .frrc:
            let lambda = numerator / (s * (c.variance - c.cov1 + (jD - 1) * max(c.cov2 - c.cov3, 0)))
            let critical = ChiSquared.quantile(1 - alpha, df: 1)
            return Result(readers: j, cases: k, power: Noncentral.chiSquaredSF(critical, df: 1, noncentrality: lambda), noncentrality: lambda, ddf: nil)
        case .rrfc:
            let lambda = numerator / e
            let critical = FisherF.quantile(1 - alpha, ndf: 1, ddf: jD - 1)
            return Result(readers: j, cases: k, power: Noncentral.fSF(critical, ndf: 1, ddf: jD - 1, noncentrality: lambda), noncentrality: lambda, ddf: jD - 1)
        }
    }

    /// The smallest number of cases (up to `maxCases`) giving at least `target` power with `readers`
    /// readers, or nil when even `maxCases` is not enough (e.g. σ²_TR alone exceeds the effect).
    public func cases(readers j: Int, effect d: Double, target: Double = 0.8, alpha: Double = 0.05,
                      analysis: Analysis = .rrrc, maxCases: Int = 100_000) -> Result? {
        guard power(readers: j, cases: maxCases, effect: d, alpha: alpha, analysis: analysis).power >= target else { return nil }
        var lo = 1, hi = maxCases  // power(hi) ≥ target; find the first such K (power rises with K).
        while lo < hi {
            let mid = (lo + hi) / 2
            if power(readers: j, cases: mid, effect: d, alpha: alpha, analysis: analysis).power >= target { hi = mid } else { lo = mid + 1 }
        }
        return power(readers: j, cases: lo, effect: d, alpha: alpha, analysis: analysis)
    }
}
