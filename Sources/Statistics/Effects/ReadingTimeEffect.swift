import Foundation

/// The effect of AI assistance on reading time as a ratio of geometric means (aided/unaided).
///
/// Per reader: exp(mean log aided time − mean log unaided time), the ratio of geometric means.
/// Pooled: exp of the reader-averaged log ratio, with a CI that treats readers and cases as
/// random: the Obuchowski–Rockette mixed model (Obuchowski & Rockette 1995; Hillis et al. 2005)
/// applied to the reader × arm mean log time as the figure of merit — reader and reader × arm
/// random effects, case-sampling covariances by the jackknife over cases, a t interval with
/// Hillis's (2007) ddf — then exponentiated. Why this and not a cluster bootstrap or REML: see
/// Docs/STATISTICS.md ("Reading time"). Cases a reader did not read in an arm simply do not enter
/// that reader-arm mean (the jackknife then leaves that mean unchanged for those cases).
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

    public let perReader: [ReaderRatio]
    /// Pooled aided/unaided ratio of geometric mean times.
    public let ratio: Double
    public let ciLow: Double
    public let ciHigh: Double
    /// Two-sided p for "no effect" (ratio = 1).
    public let p: Double
    /// Standard error of the pooled log ratio and its Hillis ddf.
    public let standardErrorOfLogRatio: Double
    public let degreesOfFreedom: Double
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
        let or = ORAnalysis(treatments: ["aided", "unaided"], readers: readers, cases: cases.count, figureOfMerit: fom,
                            covariance: ORAnalysis.jackknifeCovariance(leaveOneOut: loo), method: .jackknife, level: level)
        let d = or.randomReadersRandomCases.differences[0]
        perReader = readers.indices.map { r in
            let (lo, hi) = Self.readerInterval(aided: logs[0][r], unaided: logs[1][r], level: level)
            return ReaderRatio(reader: readers[r], unaidedGeometricMean: Foundation.exp(fom[1][r]), aidedGeometricMean: Foundation.exp(fom[0][r]),
                               unaidedReads: counts[1][r], aidedReads: counts[0][r], ciLow: lo, ciHigh: hi)
        }
        ratio = Foundation.exp(d.estimate)
        ciLow = Foundation.exp(d.ciLow)
        ciHigh = Foundation.exp(d.ciHigh)
        p = d.p
        standardErrorOfLogRatio = d.standardError
        degreesOfFreedom = d.degreesOfFreedom ?? .infinity
        self.level = level
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
