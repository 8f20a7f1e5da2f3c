import Foundation

/// Cohen's κ for two raters, unweighted or weighted, with its large-sample standard error.
///
/// κ_w = (p_o − p_e)/(1 − p_e), p_o = Σ w_ij p_ij, p_e = Σ w_ij p_i· p_·j (Cohen, Educ Psychol Meas
/// 20:37–46, 1960; Cohen, Psychol Bull 70:213–220, 1968). Standard error: the non-null asymptotic
/// variance of Fleiss, Cohen & Everitt (Psychol Bull 72:323–327, 1969), the one psych::cohen.kappa uses:
/// Var = [Σ p_ij (w_ij − (w̄_i· + w̄_·j)(1 − κ))² − (κ − p_e(1 − κ))²] / (n (1 − p_e)²),
/// w̄_i· = Σ_j p_·j w_ij, w̄_·j = Σ_i p_i· w_ij. CI: κ ± z·SE.
public struct CohenKappa: Sendable, Equatable {
    public let kappa: Double
    public let standardError: Double
    public let ciLow: Double
    public let ciHigh: Double
    public let observedAgreement: Double
    public let expectedAgreement: Double
    public let subjects: Int

    /// From a k×k table of counts: rows rater 1, columns rater 2.
    public init(table counts: [[Double]], weights: KappaWeights = .none, level: Double = 0.95) throws {
        let k = counts.count
        guard k >= 1, counts.allSatisfy({ $0.count == k }) else {
            throw StatisticsError(coordinates: "kappa table", problem: "the table must be square")
        }
        let n = counts.flatMap { $0 }.reduce(0, +)
        guard n > 0 else { throw StatisticsError(coordinates: "kappa table", problem: "no ratings") }
        let w = try weights.agreementMatrix(categories: k)
        let p = counts.map { $0.map { $0 / n } }
        let rows = p.map { $0.reduce(0, +) }
        let cols = (0..<k).map { j in p.reduce(0) { $0 + $1[j] } }
        var po = 0.0, pe = 0.0
        for i in 0..<k { for j in 0..<k { po += w[i][j] * p[i][j]; pe += w[i][j] * rows[i] * cols[j] } }
        guard pe < 1 else {
            throw StatisticsError(coordinates: "kappa table", problem: "chance agreement is 1 (one category only); κ is undefined")
        }
        let kappa = (po - pe) / (1 - pe)
        let wRow = (0..<k).map { i in (0..<k).reduce(0) { $0 + cols[$1] * w[i][$1] } }
        let wCol = (0..<k).map { j in (0..<k).reduce(0) { $0 + rows[$1] * w[$1][j] } }
        var sum = 0.0
        for i in 0..<k {
            for j in 0..<k {
                let d = w[i][j] - (wRow[i] + wCol[j]) * (1 - kappa)
                sum += p[i][j] * d * d
            }
        }
        let tail = kappa - pe * (1 - kappa)
        let variance = max(0, (sum - tail * tail) / (n * (1 - pe) * (1 - pe)))
        let z = Normal.quantile(0.5 + level / 2)
        self.kappa = kappa
        standardError = variance.squareRoot()
        ciLow = kappa - z * standardError
        ciHigh = kappa + z * standardError
        observedAgreement = po
        expectedAgreement = pe
        subjects = Int(n.rounded())
    }

    /// From paired ratings. Categories are the union of both raters' values in ascending order
    /// (as scikit-learn does), unless given; linear/quadratic weights use their positions.
    public init<T: Hashable & Comparable>(
        _ first: [T], _ second: [T], categories: [T]? = nil, weights: KappaWeights = .none, level: Double = 0.95
    ) throws {
        guard first.count == second.count else {
            throw StatisticsError(coordinates: "kappa", problem: "the two raters have \(first.count) and \(second.count) ratings")
        }
        let cats = categories ?? Array(Set(first).union(second)).sorted()
        let index = Dictionary(uniqueKeysWithValues: cats.enumerated().map { ($1, $0) })
        var table = [[Double]](repeating: [Double](repeating: 0, count: cats.count), count: cats.count)
        for (a, b) in zip(first, second) {
            guard let i = index[a], let j = index[b] else {
                throw StatisticsError(coordinates: "kappa", problem: "a rating is not among the given categories")
            }
            table[i][j] += 1
        }
        try self.init(table: table, weights: weights, level: level)
    }
}
