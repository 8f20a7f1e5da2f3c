/// Weighting schemes for Cohen's κ, expressed internally as agreement weights w_ij ∈ [0, 1]
/// with w_ii = 1 (Cohen, Psychol Bull 70:213–220, 1968; Fleiss & Cohen 1973 for quadratic).
/// Linear and quadratic use category positions (0…k−1) as scikit-learn's `cohen_kappa_score`
/// does; κ is invariant to rescaling disagreement weights, so `1 − d/max d` loses nothing.
public enum KappaWeights: Sendable, Equatable {
    case none
    case linear
    case quadratic
    /// Disagreement weights v_ij (0 on the diagonal), as in Cohen (1968).
    case disagreement([[Double]])
    /// Agreement (similarity) weights w_ij (1 on the diagonal), as in psych::cohen.kappa.
    case agreement([[Double]])

    func agreementMatrix(categories k: Int) throws -> [[Double]] {
        let span = Double(max(k - 1, 1))
        switch self {
        case .none:
            return (0..<k).map { i in (0..<k).map { $0 == i ? 1 : 0 } }
        case .linear:
            return (0..<k).map { i in (0..<k).map { 1 - Double(abs(i - $0)) / span } }
        case .quadratic:
            return (0..<k).map { i in (0..<k).map { 1 - Double((i - $0) * (i - $0)) / (span * span) } }
        case .disagreement(let v):
            try Self.checkSquare(v, k)
            let top = v.flatMap { $0 }.max() ?? 0
            guard top > 0 else { throw StatisticsError(coordinates: "kappa weights", problem: "disagreement weights are all zero") }
            return v.map { $0.map { 1 - $0 / top } }
        case .agreement(let w):
            try Self.checkSquare(w, k)
            return w
        }
    }

    private static func checkSquare(_ m: [[Double]], _ k: Int) throws {
        guard m.count == k, m.allSatisfy({ $0.count == k }) else {
            throw StatisticsError(coordinates: "kappa weights", problem: "weight matrix must be \(k)×\(k) for \(k) categories")
        }
    }
}
