import Foundation

/// Student's t distribution with real (not only integer) degrees of freedom, as the Hillis
/// denominator degrees of freedom require. CDF via the incomplete beta:
/// P(|T| > t) = I_{ν/(ν+t²)}(ν/2, 1/2) (Abramowitz & Stegun 26.7.1, 26.5.27).
public enum StudentT {
    public static func pdf(_ t: Double, df: Double) -> Double {
        let logC = SpecialFunctions.logGamma((df + 1) / 2) - SpecialFunctions.logGamma(df / 2) - 0.5 * Foundation.log(df * Double.pi)
        return Foundation.exp(logC - (df + 1) / 2 * Foundation.log1p(t * t / df))
    }

    /// Two-sided tail P(|T| > |t|).
    public static func twoSidedP(_ t: Double, df: Double) -> Double {
        if !t.isFinite { return 0 }
        return SpecialFunctions.regularizedBeta(df / (df + t * t), df / 2, 0.5)
    }

    public static func cdf(_ t: Double, df: Double) -> Double {
        let tail = 0.5 * twoSidedP(t, df: df)
        return t >= 0 ? 1 - tail : tail
    }

    public static func sf(_ t: Double, df: Double) -> Double { cdf(-t, df: df) }

    public static func quantile(_ p: Double, df: Double) -> Double {
        precondition(p > 0 && p < 1 && df > 0, "t quantile needs 0 < p < 1, df > 0")
        if p == 0.5 { return 0 }
        // Solve on the lower half for precision, then reflect.
        let lowerP = min(p, 1 - p)
        var lo = -1.0
        while cdf(lo, df: df) > lowerP { lo *= 2 }
        let x = SpecialFunctions.solveIncreasing(
            target: lowerP, lo: lo, hi: 0, start: max(lo, Normal.quantile(lowerP)),
            f: { cdf($0, df: df) }, derivative: { pdf($0, df: df) })
        return p < 0.5 ? x : -x
    }
}
