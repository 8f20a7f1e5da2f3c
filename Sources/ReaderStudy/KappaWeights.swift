/// Disagreement weights of Cohen's κ over ordered categories i, j.
public enum KappaWeights: String, Sendable, Codable, CaseIterable {
    /// 0 on the diagonal, 1 elsewhere: plain κ.
    case none
    /// |i − j|.
    case linear
    /// (i − j)².
    case quadratic

    func weight(_ i: Int, _ j: Int) -> Double {
        switch self {
        case .none: return i == j ? 0 : 1
        case .linear: return Double(abs(i - j))
        case .quadratic: return Double((i - j) * (i - j))
        }
    }
}
