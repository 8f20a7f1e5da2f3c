import Foundation
import Testing
@testable import Statistics

@Suite struct EffectsTests {
    @Test func perReaderGeometricMeans() throws {
        let reads = [
            TimedRead(reader: "a", caseID: "1", aided: false, seconds: 40), TimedRead(reader: "a", caseID: "1", aided: true, seconds: 20),
            TimedRead(reader: "a", caseID: "2", aided: false, seconds: 90), TimedRead(reader: "a", caseID: "2", aided: true, seconds: 80),
            TimedRead(reader: "a", caseID: "3", aided: false, seconds: 60), TimedRead(reader: "a", caseID: "3", aided: true, seconds: 45),
            TimedRead(reader: "b", caseID: "1", aided: false, seconds: 30), TimedRead(reader: "b", caseID: "1", aided: true, seconds: 33),
            TimedRead(reader: "b", caseID: "2", aided: false, seconds: 50), TimedRead(reader: "b", caseID: "2", aided: true, seconds: 25),
            TimedRead(reader: "b", caseID: "3", aided: false, seconds: 70), TimedRead(reader: "b", caseID: "3", aided: true, seconds: 64),
        ]
        let e = try ReadingTimeEffect(reads: reads)
        #expect(e.perReader.map(\.reader) == ["a", "b"])
        #expect(close(e.perReader[0].unaidedGeometricMean, pow(40.0 * 90 * 60, 1.0 / 3), 1e-9))
        #expect(close(e.perReader[0].aidedGeometricMean, pow(20.0 * 80 * 45, 1.0 / 3), 1e-9))
        #expect(close(e.perReader[1].ratio, pow(33.0 * 25 * 64, 1.0 / 3) / pow(30.0 * 50 * 70, 1.0 / 3), 1e-12))
        #expect(close(e.ratio, (e.perReader[0].ratio * e.perReader[1].ratio).squareRoot(), 1e-12))
        #expect(e.ciLow < e.ratio && e.ratio < e.ciHigh)
        #expect(e.degreesOfFreedom >= 1)
        // Reader a read all cases in both arms: paired t on log(20/40), log(80/90), log(45/60), 2 df.
        let d = [log(20.0 / 40), log(80.0 / 90), log(45.0 / 60)]
        let m = d.reduce(0, +) / 3, sd = (d.reduce(0) { $0 + ($1 - m) * ($1 - m) } / 2).squareRoot()
        let t = 4.302652729749462  // scipy.stats.t.ppf(0.975, 2)
        #expect(close(e.perReader[0].ciLow, exp(m - t * sd / 3.0.squareRoot()), 1e-9))
        #expect(close(e.perReader[0].ciHigh, exp(m + t * sd / 3.0.squareRoot()), 1e-9))
    }

    /// For a mean, the jackknife variance is exactly s²/n (Efron & Tibshirani 1993, §11.2) — the
    /// identity the reading-time covariances rest on.
    @Test func jackknifeOfMeanIsSampleVarianceOverN() {
        let x = [3.1, 4.7, 2.2, 5.9, 4.4, 3.3], y = [1.0, 2.5, 0.5, 3.0, 2.0, 1.5]
        func loo(_ v: [Double]) -> [Double] { let s = v.reduce(0, +); return v.map { (s - $0) / Double(v.count - 1) } }
        let cov = ORAnalysis.jackknifeCovariance(leaveOneOut: [loo(x), loo(y)])
        let n = Double(x.count), mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) } / (n - 1)
        let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / (n - 1)
        #expect(close(cov[0][0], sxx / n, 1e-14) && close(cov[0][1], sxy / n, 1e-14))
    }

    /// Paired designs: the two-way random ANOVA of per-case log differences gives the OR estimate
    /// and SE (Hillis et al. 2005 identities) but Satterthwaite's ddf, computed here by hand.
    @Test func pairedDesignUsesSatterthwaite() throws {
        let delta: [[Double]] = [[-0.3, -0.1, -0.5, 0.2], [-0.2, 0.1, -0.6, -0.1], [-0.4, -0.3, -0.2, 0.3]]
        var reads: [TimedRead] = []
        for (j, row) in delta.enumerated() {
            for (k, d) in row.enumerated() {
                let base = 30.0 + Double(7 * j + 3 * k)
                reads.append(TimedRead(reader: "r\(j)", caseID: "\(k)", aided: false, seconds: base))
                reads.append(TimedRead(reader: "r\(j)", caseID: "\(k)", aided: true, seconds: base * exp(d)))
            }
        }
        let e = try ReadingTimeEffect(reads: reads)
        #expect(e.method == .pairedSatterthwaite)
        let r = 3.0, c = 4.0, all = delta.flatMap { $0 }, g = all.reduce(0, +) / 12
        let rm = delta.map { $0.reduce(0, +) / c }, cm = (0..<4).map { k in delta.reduce(0) { $0 + $1[k] } / r }
        let msR = c * rm.reduce(0) { $0 + ($1 - g) * ($1 - g) } / 2
        let msC = r * cm.reduce(0) { $0 + ($1 - g) * ($1 - g) } / 3
        var ss = 0.0
        for j in 0..<3 { for k in 0..<4 { let x = delta[j][k] - rm[j] - cm[k] + g; ss += x * x } }
        let msRC = ss / 6
        #expect(msC > msRC)
        let den = msR + msC - msRC
        let ddf = den * den / (msR * msR / 2 + msC * msC / 3 + msRC * msRC / 6)
        #expect(close(log(e.ratio), g, 1e-12))
        #expect(close(e.standardErrorOfLogRatio, (den / 12).squareRoot(), 1e-12))
        #expect(close(e.degreesOfFreedom, ddf, 1e-9))
        // Same estimate and SE as the OR model with jackknife covariances.
        var fom = [[Double]](repeating: [0, 0, 0], count: 2), loo: [[Double]] = []
        var logs = [[[Double]]](repeating: [[Double]](repeating: [Double](repeating: 0, count: 4), count: 3), count: 2)
        for t in reads { logs[t.aided ? 0 : 1][Int(t.reader.dropFirst())!][Int(t.caseID)!] = log(t.seconds) }
        for i in 0..<2 {
            for j in 0..<3 {
                let s = logs[i][j].reduce(0, +); fom[i][j] = s / 4
                loo.append(logs[i][j].map { (s - $0) / 3 })
            }
        }
        let or = ORAnalysis(treatments: ["aided", "unaided"], readers: ["r0", "r1", "r2"], cases: 4, figureOfMerit: fom,
                            covariance: ORAnalysis.jackknifeCovariance(leaveOneOut: loo), method: .jackknife, level: 0.95)
        let d = or.randomReadersRandomCases.differences[0]
        #expect(close(d.estimate, g, 1e-12) && close(d.standardError, e.standardErrorOfLogRatio, 1e-12))
    }

    /// QA defect 8: 4 readers × 24 cases, seed 3 — the readers' ratios agree by chance (SD 0.02 on
    /// log time), so MS(T×R) is tiny and Hillis's ddf (which takes the case term as known) was 124,
    /// giving p = 9e-17 with 4 readers. Satterthwaite's ddf counts the case term's uncertainty.
    @Test func readersThatAgreeByChanceDoNotInflateDegreesOfFreedom() throws {
        let model = RoeMetzModel(readers: 4, normalCases: 11, abnormalCases: 13, timeRatio: 0.8)
        let e = try ReadingTimeEffect(reads: model.sample(seed: 3).times)
        #expect(e.degreesOfFreedom < 3, "ddf \(e.degreesOfFreedom)")
        #expect(e.p > 1e-3 && e.ciLow < 0.8 && 0.8 < e.ciHigh, "p \(e.p), \(e.ciLow)–\(e.ciHigh)")
    }

    /// Designs where a reader lacks a case in one arm fall back to the OR model (Hillis ddf).
    @Test func incompleteDesignFallsBackToOR() throws {
        var reads: [TimedRead] = []
        for j in 0..<3 {
            for k in 0..<6 where !(j == 0 && k == 5) {
                reads.append(TimedRead(reader: "r\(j)", caseID: "\(k)", aided: false, seconds: 40 + Double(5 * k + j)))
            }
            for k in 0..<6 { reads.append(TimedRead(reader: "r\(j)", caseID: "\(k)", aided: true, seconds: 30 + Double(3 * k + 2 * j) + Double(k % 2))) }
        }
        let e = try ReadingTimeEffect(reads: reads)
        #expect(e.method == .obuchowskiRockette)
        #expect(e.degreesOfFreedom >= 2 && e.ciLow < e.ratio && e.ratio < e.ciHigh)
    }

    @Test func rejectsNonPositiveTimesAndSingleReader() {
        #expect(throws: StatisticsError.self) { try ReadingTimeEffect(reads: [TimedRead(reader: "a", caseID: "1", aided: true, seconds: 0)]) }
        let one = (1...3).flatMap { c in [true, false].map { TimedRead(reader: "a", caseID: "\(c)", aided: $0, seconds: 10) } }
        #expect(throws: StatisticsError.self) { try ReadingTimeEffect(reads: one) }
    }

    /// A large planted reduction is found: the CI holds the true 0.7 and excludes 1.
    @Test func findsPlantedReduction() throws {
        let model = RoeMetzModel(readers: 6, normalCases: 30, abnormalCases: 30, timeRatio: 0.7)
        let (_, times) = model.sample(seed: 2024)
        let e = try ReadingTimeEffect(reads: times)
        #expect(e.ciLow < 0.7 && 0.7 < e.ciHigh, "\(e.ciLow)–\(e.ciHigh)")
        #expect(e.ciHigh < 1 && e.p < 0.05)
    }

    @Test func automationBiasShares() {
        var ds: [AIDecision] = []
        // Reader a (resident): AI wrong 4 times, accepted 3; AI right 6 times, overrode 1.
        ds += (0..<4).map { AIDecision(reader: "a", experience: "resident", aiCorrect: false, acceptedAI: $0 < 3) }
        ds += (0..<6).map { AIDecision(reader: "a", experience: "resident", aiCorrect: true, acceptedAI: $0 != 0) }
        // Reader b (consultant): AI wrong 5 times, accepted 1; AI right 5 times, overrode 0.
        ds += (0..<5).map { AIDecision(reader: "b", experience: "consultant", aiCorrect: false, acceptedAI: $0 == 0) }
        ds += (0..<5).map { _ in AIDecision(reader: "b", experience: "consultant", aiCorrect: true, acceptedAI: true) }
        ds.append(AIDecision(reader: "c", aiCorrect: true, acceptedAI: false))
        let bias = AutomationBias(decisions: ds)
        #expect(bias.perReader.map(\.name) == ["a", "b", "c"])
        #expect(bias.perReader[0].acceptedWhenWrong?.successes == 3 && bias.perReader[0].acceptedWhenWrong?.trials == 4)
        #expect(bias.perReader[0].overriddenWhenRight?.successes == 1 && bias.perReader[0].overriddenWhenRight?.trials == 6)
        #expect(bias.perReader[1].acceptedWhenWrong?.successes == 1 && bias.perReader[1].overriddenWhenRight?.successes == 0)
        #expect(bias.perReader[2].acceptedWhenWrong == nil && bias.perReader[2].overriddenWhenRight?.successes == 1)
        #expect(bias.perExperience.map(\.name) == ["resident", "consultant"])
        #expect(bias.perExperience[1].findings == 10)
        #expect(bias.overall.acceptedWhenWrong?.successes == 4 && bias.overall.acceptedWhenWrong?.trials == 9)
        #expect(bias.overall.overriddenWhenRight?.successes == 2 && bias.overall.overriddenWhenRight?.trials == 12)
    }

    @Test func simulatorIsSeededAndCalibrated() {
        let m = RoeMetzModel(readers: 4, normalCases: 200, abnormalCases: 200)
        let a = m.sample(seed: 9), b = m.sample(seed: 9), c = m.sample(seed: 10)
        #expect(a.ratings == b.ratings && a.times == b.times)
        #expect(a.ratings != c.ratings)
        // Empirical AUC of a large sample near the population AUC of the model.
        let or = ORAnalysis(a.ratings)
        #expect(abs(or.treatmentAUC[0] - m.populationAUC(separation: 1.5)) < 0.05, "\(or.treatmentAUC[0]) vs \(m.populationAUC(separation: 1.5))")
    }
}
