/// Bone age against the Greulich–Pyle standard.
public struct BoneAgeFinding: Sendable, Equatable, Codable {
    public enum Category: String, Sendable, Equatable, Codable {
        case delayed, normal, advanced
        /// Sex or age unknown: no standard to compare with.
        case indeterminate
    }

    public var months: Double
    /// The model's σ (months).
    public var sigma: Double
    /// 95% interval: months ± 1.96 σ.
    public var low: Double
    public var high: Double
    /// nil when the study does not record the patient's age: then no difference, SDS or category.
    public var chronologicalMonths: Double?
    /// Bone age − chronological age.
    public var differenceMonths: Double?
    /// Brush Foundation SD at the chronological age for the patient's sex (nil when unknown).
    public var referenceSD: Double?
    /// (BA − CA) / SD(CA).
    public var sds: Double?
    public var category: Category

    public init(months: Double, sigma: Double, chronologicalMonths: Double?, sex: GreulichPyleTable.Sex?) {
        self.months = months
        self.sigma = sigma
        low = months - 1.96 * sigma
        high = months + 1.96 * sigma
        self.chronologicalMonths = chronologicalMonths
        differenceMonths = chronologicalMonths.map { months - $0 }
        if let sex, let chronologicalMonths {
            let sd = GreulichPyleTable.standardDeviation(ageMonths: chronologicalMonths, sex: sex)
            referenceSD = sd
            let z = (months - chronologicalMonths) / sd
            sds = z
            category = z < -2 ? .delayed : (z > 2 ? .advanced : .normal)
        } else {
            referenceSD = nil
            sds = nil
            category = .indeterminate
        }
    }

    /// Whole months, as the reader enters them.
    public var roundedMonths: Int { Int(months.rounded()) }
}
