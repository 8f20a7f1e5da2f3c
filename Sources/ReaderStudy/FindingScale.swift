/// How a finding's values compare.
public enum FindingScale: Sendable, Equatable, Codable {
    /// Ordered categories, e.g. ["normal/mild", "moderate", "severe"] or
    /// Pfirrmann ["1", "2", "3", "4", "5"]; agreement is equality, κ uses the order.
    case categorical([String])
    /// A number of months (bone age); agreement is |difference| ≤ tolerance.
    case months(tolerance: Double)

    /// The usual bone-age tolerance for "agrees": one year, about the spread
    /// between experienced Greulich–Pyle readers.
    public static let boneAge = FindingScale.months(tolerance: 12)
}
