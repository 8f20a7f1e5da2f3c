import Foundation

/// Non-central F and chi-square upper tails as Poisson mixtures of central ones
/// (Johnson, Kotz & Balakrishnan, *Continuous Univariate Distributions* vol. 2, 2nd ed., eqs. 29.2
/// and 30.3): P(F′ > f) = Σ_j Pois(j; λ/2) · I_{d2/(d2+d1 f)}(d2/2, d1/2 + j) and
/// P(χ′² > x) = Σ_j Pois(j; λ/2) · Q(k/2 + j, x/2). Summed outward from the Poisson mode until
/// the remaining weight is below 1e-15.
public enum Noncentral {
    public static func fSF(_ f: Double, ndf: Double, ddf: Double, noncentrality lambda: Double) -> Double {
        if f <= 0 { return 1 }
        let y = ddf / (ddf + ndf * f)
        return poissonMixture(lambda) { j in SpecialFunctions.regularizedBeta(y, ddf / 2, ndf / 2 + Double(j)) }
    }

    public static func chiSquaredSF(_ x: Double, df: Double, noncentrality lambda: Double) -> Double {
        if x <= 0 { return 1 }
        return poissonMixture(lambda) { j in SpecialFunctions.regularizedGammaQ(df / 2 + Double(j), x / 2) }
    }

    static func poissonMixture(_ lambda: Double, _ term: (Int) -> Double) -> Double {
        let mu = lambda / 2
        if mu == 0 { return term(0) }
        let mode = Int(mu.rounded(.down))
        func weight(_ j: Int) -> Double {
            Foundation.exp(Double(j) * Foundation.log(mu) - mu - SpecialFunctions.logGamma(Double(j) + 1))
        }
        var total = 0.0, mass = 0.0
        var j = mode
        while j >= 0 {
            let w = weight(j)
            total += w * term(j); mass += w
            if w < 1e-17 && j < mode { break }
            j -= 1
        }
        j = mode + 1
        while mass < 1 - 1e-15 && j < mode + 100_000 {
            let w = weight(j)
            total += w * term(j); mass += w
            if w < 1e-17 { break }
            j += 1
        }
        return total
    }
}
