import Foundation

/// The chi-square distribution: P(X ≤ x) = P(k/2, x/2), the regularized lower incomplete gamma
/// (Abramowitz & Stegun 26.4.19).
public enum ChiSquared {
    public static func cdf(_ x: Double, df: Double) -> Double {
        SpecialFunctions.regularizedGammaP(df / 2, max(0, x) / 2)
    }

    public static func sf(_ x: Double, df: Double) -> Double {
        SpecialFunctions.regularizedGammaQ(df / 2, max(0, x) / 2)
    }

    public static func pdf(_ x: Double, df: Double) -> Double {
        if x <= 0 { return 0 }
        let k = df / 2
        return Foundation.exp((k - 1) * Foundation.log(x) - x / 2 - k * Foundation.log(2) - SpecialFunctions.logGamma(k))
    }

    public static func quantile(_ p: Double, df: Double) -> Double {
        precondition(p > 0 && p < 1 && df > 0, "chi-square quantile needs 0 < p < 1, df > 0")
        var hi = max(1, df)
        while cdf(hi, df: df) < p { hi *= 2 }
        return SpecialFunctions.solveIncreasing(
            target: p, lo: 0, hi: hi, start: df,
            f: { cdf($0, df: df) }, derivative: { pdf($0, df: df) })
    }
}
