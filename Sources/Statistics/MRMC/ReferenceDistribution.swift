/// t with finite df, normal when df is nil or infinite.
enum ReferenceDistribution {
    static func twoSidedP(_ x: Double, df: Double?) -> Double {
        if let df, df.isFinite { return StudentT.twoSidedP(x, df: df) }
        return Normal.twoSidedP(x)
    }

    static func quantile(_ p: Double, df: Double?) -> Double {
        if let df, df.isFinite { return StudentT.quantile(p, df: df) }
        return Normal.quantile(p)
    }
}
