/// Cohen's κ (Cohen 1960) and weighted κ (Cohen 1968) for the practice
/// scoreboard: κ_w = 1 − Σ w·observed / Σ w·expected with disagreement weights.
/// A small local copy so that ReaderStudy does not depend on Statistics; the
/// Statistics target holds the full version with standard errors.
public enum CohenKappa {
    /// κ from a square table of counts (rows: rater 1, columns: rater 2).
    /// Nil when it is undefined (no pairs, or chance disagreement is zero,
    /// e.g. both raters used one and the same category throughout).
    public static func kappa(table: [[Double]], weights: KappaWeights = .none) -> Double? {
        let k = table.count
        guard k > 0, table.allSatisfy({ $0.count == k }) else { return nil }
        let n = table.reduce(0) { $0 + $1.reduce(0, +) }
        guard n > 0 else { return nil }
        let rows = table.map { $0.reduce(0, +) }
        let columns = (0..<k).map { j in table.reduce(0) { $0 + $1[j] } }
        var observed = 0.0, expected = 0.0
        for i in 0..<k {
            for j in 0..<k {
                let w = weights.weight(i, j)
                observed += w * table[i][j] / n
                expected += w * rows[i] * columns[j] / (n * n)
            }
        }
        guard expected > 0 else { return nil }
        return 1 - observed / expected
    }

    /// κ of paired category indices in 0..<categories.
    public static func kappa(_ first: [Int], _ second: [Int], categories: Int,
                             weights: KappaWeights = .none) -> Double? {
        guard first.count == second.count, categories > 0 else { return nil }
        var table = Array(repeating: Array(repeating: 0.0, count: categories), count: categories)
        for (a, b) in zip(first, second) {
            guard (0..<categories).contains(a), (0..<categories).contains(b) else { return nil }
            table[a][b] += 1
        }
        return kappa(table: table, weights: weights)
    }
}
