import Foundation

/// The effect of AI assistance on reading time as a ratio of geometric means (aided/unaided).
///
/// Per reader: exp(mean log aided time − mean log unaided time), the ratio of geometric means.
/// Pooled: exp of the reader-averaged log ratio, with a CI that treats readers and cases as random.
///
/// **Paired designs** (every reader read every case in both arms: crossover, fully crossed) — the
/// mixed model log T_ijk = μ + α_i + R_j + C_k + (αR)_ij + (αC)_ik + (RC)_jk + ε_ijk reduces, on the
/// per-case log differences δ_jk = log T_aided,jk − log T_unaided,jk, to the two-way random model
/// δ_jk = Δ + a_j + b_k + e_jk (a = reader × arm, b = case × arm). With the two-way ANOVA of δ
/// (MS_R on r−1, MS_C on c−1, MS_RC on (r−1)(c−1) df), Var(δ̄) is estimated by
///   (MS_R + max(MS_C − MS_RC, 0)) / (r·c)
/// and its degrees of freedom by Satterthwaite (1946):
///   ddf = (MS_R + MS_C − MS_RC)² / [MS_R²/(r−1) + MS_C²/(c−1) + MS_RC²/((r−1)(c−1))],
/// or r − 1 when MS_C ≤ MS_RC (the case term is then dropped) — the quasi-F denominator of the
/// three-way mixed ANOVA (Satterthwaite, Biometrics Bull 2:110–114, 1946; Dorfman, Berbaum & Metz,
/// Invest Radiol 27:723–731, 1992, whose pseudovalues of a mean are the log times themselves).
/// The estimate equals the Obuchowski–Rockette one with jackknife covariances (Hillis et al. 2005:
/// MS_R/(rc) = 2·MS(T×R)/r and (MS_C − MS_RC)/(rc) = 2(Cov2 − Cov3)), but Hillis's (2007)
/// ddf_H = D²/[MS(T×R)²/(r−1)] treats the case term as known. That is fine for AUCs over 100+
/// cases, not for 20–40 log times: when the readers' ratios happen to agree, MS(T×R) is tiny, the
/// noisy case term dominates D and ddf_H ran into the hundreds or millions (4 readers, p = 1e-17 …
/// 1e-55), shrinking the t quantile to 1.96 exactly when the variance estimate is least reliable.
/// Satterthwaite counts the case term's own df, so ddf stays near r − 1 when readers dominate.
///
/// **Other designs** (split-plot, unfinished): the OR model on the reader × arm mean log time with
/// jackknife covariances and Hillis's ddf (Obuchowski & Rockette 1995; Hillis et al. 2005); cases a
/// reader did not read in an arm do not enter that reader-arm mean (the jackknife then leaves it
/// unchanged for those cases). Why not a cluster bootstrap or REML: Docs/STATISTICS.md ("Reading time").
public struct ReadingTimeEffect: Sendable {
    public struct ReaderRatio: Sendable, Equatable {
        public let reader: String
        public let unaidedGeometricMean: Double
        public let aidedGeometricMean: Double
        public let unaidedReads: Int
        public let aidedReads: Int
        /// This reader's CI with cases random: a paired t interval on per-case log differences when
        /// the reader read the same cases in both arms, Welch's t interval otherwise.
        public let ciLow: Double
        public let ciHigh: Double
        public var ratio: Double { aidedGeometricMean / unaidedGeometricMean }
    }

    public enum Method: String, Sendable {
        /// Two-way random ANOVA of per-case log differences, Satterthwaite ddf (paired designs).
        case pairedSatterthwaite = "mixed model on log time, readers and cases random, Satterthwaite df"
        /// Obuchowski–Rockette on reader × arm mean log time, jackknife covariances, Hillis ddf.
        case obuchowskiRockette = "OR mixed model on log time, readers and cases random, Hillis df"
    }

    public let perReader: [ReaderRatio]
    /// Pooled aided/unaided ratio of geometric mean times.
    public let ratio: Double
    public let ciLow: Double
    public let ciHigh: Double
    /// Two-sided p for "no effect" (ratio = 1).
    public let p: Double
    /// Standard error of the pooled log ratio and its degrees of freedom (Satterthwaite for paired
    /// designs, Hillis otherwise: see `method`).
    public let standardErrorOfLogRatio: Double
    public let degreesOfFreedom: Double
    public let method: Method
    public let level: Double

    public init(reads: [TimedRead], level: Double = 0.95) throws {
        func fail(_ problem: String) -> StatisticsError { StatisticsError(coordinates: "reading time", problem: problem) }
        if let bad = reads.first(where: { !($0.seconds > 0) || !$0.seconds.isFinite }) {
            throw fail("reading times must be positive; reader \"\(bad.reader)\" has \(bad.seconds)")
        }
        var readers: [String] = [], readerIndex: [String: Int] = [:]
        var cases: [String] = [], caseIndex: [String: Int] = [:]
        for read in reads {
            if readerIndex[read.reader] == nil { readerIndex[read.reader] = readers.count; readers.append(read.reader) }
            if caseIndex[read.caseID] == nil { caseIndex[read.caseID] = cases.count; cases.append(read.caseID) }
        }
        guard readers.count >= 2 else { throw fail("need at least 2 readers, found \(readers.count)") }
        // logs[arm][reader][case], arm 0 = aided, 1 = unaided; nil when not read.
        var logs = [[[Double?]]](repeating: [[Double?]](repeating: [Double?](repeating: nil, count: cases.count), count: readers.count), count: 2)
        for read in reads {
            let arm = read.aided ? 0 : 1, r = readerIndex[read.reader]!, c = caseIndex[read.caseID]!
            guard logs[arm][r][c] == nil else {
                throw fail("reader \"\(read.reader)\" read case \"\(read.caseID)\" twice in the \(read.aided ? "aided" : "unaided") arm")
            }
            logs[arm][r][c] = Foundation.log(read.seconds)
        }
        var fom = [[Double]](repeating: [Double](repeating: 0, count: readers.count), count: 2)
        var loo = [[Double]]()
        var counts = [[Int]](repeating: [Int](repeating: 0, count: readers.count), count: 2)
        for arm in 0..<2 {
            for r in readers.indices {
                let present = logs[arm][r].compactMap { $0 }
                guard present.count >= 2 else {
                    throw fail("reader \"\(readers[r])\" has \(present.count) \(arm == 0 ? "aided" : "unaided") reads; need at least 2")
                }
                let sum = present.reduce(0, +), n = Double(present.count)
                fom[arm][r] = sum / n
                counts[arm][r] = present.count
                loo.append(logs[arm][r].map { x in x.map { (sum - $0) / (n - 1) } ?? sum / n })
            }
        }
        perReader = readers.indices.map { r in
            let (lo, hi) = Self.readerInterval(aided: logs[0][r], unaided: logs[1][r], level: level)
            return ReaderRatio(reader: readers[r], unaidedGeometricMean: Foundation.exp(fom[1][r]), aidedGeometricMean: Foundation.exp(fom[0][r]),
                               unaidedReads: counts[1][r], aidedReads: counts[0][r], ciLow: lo, ciHigh: hi)
        }
        let estimate: Double, se: Double, ddf: Double, low: Double, high: Double, pValue: Double
        if let paired = Self.pairedDifferences(logs), let fit = Self.twoWayRandom(paired) {
            (estimate, se, ddf) = fit
            let q = StudentT.quantile(0.5 + level / 2, df: ddf)
            (low, high) = (estimate - q * se, estimate + q * se)
            pValue = se > 0 ? StudentT.twoSidedP(estimate / se, df: ddf) : (estimate == 0 ? 1 : 0)
            method = .pairedSatterthwaite
        } else {
            let or = ORAnalysis(treatments: ["aided", "unaided"], readers: readers, cases: cases.count, figureOfMerit: fom,
                                covariance: ORAnalysis.jackknifeCovariance(leaveOneOut: loo), method: .jackknife, level: level)
            let d = or.randomReadersRandomCases.differences[0]
            (estimate, se, ddf) = (d.estimate, d.standardError, d.degreesOfFreedom ?? .infinity)
            (low, high, pValue) = (d.ciLow, d.ciHigh, d.p)
            method = .obuchowskiRockette
        }
        ratio = Foundation.exp(estimate)
        ciLow = Foundation.exp(low)
        ciHigh = Foundation.exp(high)
        p = pValue
        standardErrorOfLogRatio = se
        degreesOfFreedom = ddf
        self.level = level
    }

    /// δ[reader][case] = log aided − log unaided when every reader read every case in both arms; else nil.
    static func pairedDifferences(_ logs: [[[Double?]]]) -> [[Double]]? {
        var out: [[Double]] = []
        for r in logs[0].indices {
            var row: [Double] = []
            for c in logs[0][r].indices {
                guard let a = logs[0][r][c], let u = logs[1][r][c] else { return nil }
                row.append(a - u)
            }
            out.append(row)
        }
        return out
    }

    /// Mean of δ with its standard error and Satterthwaite ddf under δ_jk = Δ + a_j + b_k + e_jk,
    /// all random (see the type's comment). Nil with fewer than 2 cases.
    static func twoWayRandom(_ delta: [[Double]]) -> (estimate: Double, standardError: Double, ddf: Double)? {
        let r = delta.count, c = delta.first?.count ?? 0
        guard r >= 2, c >= 2 else { return nil }
        let rD = Double(r), cD = Double(c)
        let grand = delta.joined().reduce(0, +) / (rD * cD)
        let readerMeans = delta.map { $0.reduce(0, +) / cD }
        let caseMeans = (0..<c).map { k in delta.reduce(0) { $0 + $1[k] } / rD }
        let msR = cD * readerMeans.reduce(0) { $0 + ($1 - grand) * ($1 - grand) } / (rD - 1)
        let msC = rD * caseMeans.reduce(0) { $0 + ($1 - grand) * ($1 - grand) } / (cD - 1)
        var ssRC = 0.0
        for j in 0..<r { for k in 0..<c { let e = delta[j][k] - readerMeans[j] - caseMeans[k] + grand; ssRC += e * e } }
        let msRC = ssRC / ((rD - 1) * (cD - 1))
        let caseTerm = max(msC - msRC, 0)
        let denominator = msR + caseTerm
        let se = (denominator / (rD * cD)).squareRoot()
        let ddf: Double
        if caseTerm > 0 {
            ddf = denominator * denominator / (msR * msR / (rD - 1) + msC * msC / (cD - 1) + msRC * msRC / ((rD - 1) * (cD - 1)))
        } else {
            ddf = rD - 1
        }
        return (grand, se, ddf)
    }

    /// exp of a paired (all cases in both arms) or Welch t interval for mean log aided − unaided.
    static func readerInterval(aided: [Double?], unaided: [Double?], level: Double) -> (Double, Double) {
        func meanVar(_ x: [Double]) -> (Double, Double) {
            let m = x.reduce(0, +) / Double(x.count)
            return (m, x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1))
        }
        let paired = zip(aided, unaided).allSatisfy { ($0 == nil) == ($1 == nil) }
        let estimate: Double, se: Double, df: Double
        if paired {
            let d = zip(aided, unaided).compactMap { a, u in a.flatMap { a in u.map { a - $0 } } }
            let (m, v) = meanVar(d)
            (estimate, se, df) = (m, (v / Double(d.count)).squareRoot(), Double(d.count - 1))
        } else {
            let a = aided.compactMap { $0 }, u = unaided.compactMap { $0 }
            let (ma, va) = meanVar(a), (mu, vu) = meanVar(u)
            let qa = va / Double(a.count), qu = vu / Double(u.count)
            (estimate, se) = (ma - mu, (qa + qu).squareRoot())
            df = (qa + qu) * (qa + qu) / (qa * qa / Double(a.count - 1) + qu * qu / Double(u.count - 1))
        }
        guard se > 0, df.isFinite, df > 0 else { return (Foundation.exp(estimate), Foundation.exp(estimate)) }
        let q = StudentT.quantile(0.5 + level / 2, df: df)
        return (Foundation.exp(estimate - q * se), Foundation.exp(estimate + q * se))
    }
}
