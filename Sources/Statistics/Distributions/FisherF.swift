import Foundation

/// The F distribution with real degrees of freedom. CDF via the incomplete beta:
/// P(F ≤ f) = I_{d1 f/(d1 f + d2)}(d1/2, d2/2) (Abramowitz & Stegun 26.6.2); the upper tail
/// uses the complementary form I_{d2/(d2 + d1 f)}(d2/2, d1/2) to keep small p-values exact.
public enum FisherF {
    public static func pdf(_ f: Double, ndf: Double, ddf: Double) -> Double {
        if f <= 0 { return 0 }
        let logPdf = (ndf / 2) * Foundation.log(ndf / ddf) + (ndf / 2 - 1) * Foundation.log(f)
            - ((ndf + ddf) / 2) * Foundation.log1p(ndf * f / ddf) - SpecialFunctions.logBeta(ndf / 2, ddf / 2)
        return Foundation.exp(logPdf)
    }

    public static func cdf(_ f: Double, ndf: Double, ddf: Double) -> Double {
        if f <= 0 { return 0 }
        return SpecialFunctions.regularizedBeta(ndf * f / (ndf * f + ddf), ndf / 2, ddf / 2)
    }

    /// P(F > f): the p-value of an F statistic.
    public static func sf(_ f: Double, ndf: Double, ddf: Double) -> Double {
        if f <= 0 { return 1 }
        if !f.isFinite { return 0 }
        return SpecialFunctions.regularizedBeta(ddf / (ddf + ndf * f), ddf / 2, ndf / 2)
    }

    public static func quantile(_ p: Double, ndf: Double, ddf: Double) -> Double {
        precondition(p > 0 && p < 1 && ndf > 0 && ddf > 0, "F quantile needs 0 < p < 1, df > 0")
        var hi = 1.0
        while cdf(hi, ndf: ndf, ddf: ddf) < p { hi *= 2 }
        return SpecialFunctions.solveIncreasing(
            target: p, lo: 0, hi: hi, start: hi / 2,
            f: { cdf($0, ndf: ndf, ddf: ddf) }, derivative: { pdf($0, ndf: ndf, ddf: ddf) })
    }
}
