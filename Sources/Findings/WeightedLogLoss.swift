import Foundation

/// The RSNA 2024 Lumbar Spine competition's weighted log loss, restricted to what Lightbox
/// grades (spinal canal stenosis; clinical-facts.md §3.2). Probabilities are normalised per
/// row and clipped to [ε, 1 − ε] (ε = 1e-15, scikit-learn's historical default). Sample
/// weights are 1 (normal/mild), 2 (moderate), 4 (severe). Two terms, averaged with equal
/// weights as the competition averages its condition terms:
/// - spinal: Σ w·(−ln p_true) / Σ w over all levels of all studies;
/// - any_severe_spinal: per study, label = any level severe, prediction = the largest
///   P(severe) over its levels, weight = the largest of its rows' weights; binary log loss.
/// The foraminal and subarticular terms of the competition do not apply (not graded here).
public enum WeightedLogLoss {
    public static let weights: [Double] = [1, 2, 4]
    static let epsilon = 1e-15

    /// One study's graded levels: truth index (0…2) and predicted probabilities (3, any scale).
    public typealias Row = (truth: Int, probabilities: [Double])

    public static func normalised(_ p: [Double]) -> [Double] {
        let s = p.reduce(0, +)
        return s > 0 ? p.map { $0 / s } : p.map { _ in 1 / Double(p.count) }
    }

    static func clip(_ p: Double) -> Double { min(max(p, epsilon), 1 - epsilon) }

    public static func spinal(_ rows: [Row]) -> Double? {
        guard !rows.isEmpty else { return nil }
        var num = 0.0, den = 0.0
        for r in rows {
            let p = normalised(r.probabilities)
            let w = weights[r.truth]
            num += w * -log(clip(p[r.truth]))
            den += w
        }
        return num / den
    }

    public static func anySevere(_ studies: [[Row]]) -> Double? {
        var num = 0.0, den = 0.0
        for rows in studies where !rows.isEmpty {
            let label = rows.contains { $0.truth == 2 }
            let p = clip(rows.map { normalised($0.probabilities)[2] }.max()!)
            let w = rows.map { weights[$0.truth] }.max()!
            num += w * -(label ? log(p) : log(1 - p))
            den += w
        }
        return den > 0 ? num / den : nil
    }

    /// Mean of the two terms.
    public static func score(_ studies: [[Row]]) -> Double? {
        guard let a = spinal(studies.flatMap { $0 }), let b = anySevere(studies) else { return nil }
        return (a + b) / 2
    }
}
