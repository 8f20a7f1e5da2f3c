/// Dorfman–Berbaum–Metz analysis: a treatment × reader × case ANOVA of jackknife pseudovalues
/// Y_trk = c·θ_tr − (c−1)·θ_tr(k) (Dorfman, Berbaum & Metz, Invest Radiol 27:723–731, 1992), with
/// Hillis's ddf (Hillis 2007; Hillis, Berbaum & Metz, Acad Radiol 15:647–661, 2008):
/// F = MS(T)/[MS(T×R) + max(MS(T×C) − MS(T×R×C), 0)]. Variance components as in OR-DBM MRMC
/// and RJafroc (e.g. σ²_R = [MS(R) − MS(T×R) − MS(R×C) + MS(T×R×C)]/(tc)). For trapezoidal AUC and
/// jackknife covariances the DBM and OR random-reader tests coincide (Hillis et al. 2005).
public struct DBMAnalysis: Sendable {
    /// Mean squares of the three-way ANOVA (one observation per cell).
    public struct MeanSquares: Sendable, Equatable {
        public let T: Double, R: Double, C: Double, TR: Double, TC: Double, RC: Double, TRC: Double
    }

    /// DBM variance components; `errorTRC` is Var(T×R×C) + Var(Error).
    public struct VarianceComponents: Sendable, Equatable {
        public let varR: Double, varC: Double, varTR: Double, varTC: Double, varRC: Double, errorTRC: Double
    }

    /// Two-way ANOVA of one treatment's (or one reader's) pseudovalues.
    public struct TwoWay: Sendable, Equatable {
        /// MS of the other factor (readers for a treatment, treatments for a reader), of cases, and of their interaction.
        public let msFactor: Double, msC: Double, msInteraction: Double
    }

    public let treatments: [String]
    public let readers: [String]
    public let cases: Int
    /// pseudovalues[t][r][k].
    public let pseudovalues: [[[Double]]]
    public let meanSquares: MeanSquares
    public let degreesOfFreedom: (T: Double, R: Double, C: Double, TR: Double, TC: Double, RC: Double, TRC: Double)
    public let components: VarianceComponents
    /// Reader × case ANOVA within each treatment (msR, msC, msRC).
    public let eachTreatment: [TwoWay]
    /// Treatment × case ANOVA within each reader (msT, msC, msTC).
    public let eachReader: [TwoWay]
    public let randomReadersRandomCases: MRMCTest
    public let fixedReadersRandomCases: MRMCTest
    public let randomReadersFixedCases: MRMCTest

    public init(_ data: MRMCDataset, level: Double = 0.95) {
        let t = data.treatments.count, r = data.readers.count, c = data.cases.count
        let tD = Double(t), rD = Double(r), cD = Double(c)
        treatments = data.treatments
        readers = data.readers
        cases = c
        // Pseudovalues in the dataset's case order (positives and negatives interleaved as given).
        var y = [[[Double]]]()
        for i in 0..<t {
            var perReader = [[Double]]()
            for j in 0..<r {
                let p = data.placements(i, j)
                let m = Double(p.positive.count), n = Double(p.negative.count)
                var pi = 0, ni = 0
                var row = [Double]()
                for k in 0..<c {
                    let loo: Double
                    if data.truth[k] { loo = (m * p.auc - p.positive[pi]) / (m - 1); pi += 1 } else { loo = (n * p.auc - p.negative[ni]) / (n - 1); ni += 1 }
                    row.append(cD * p.auc - (cD - 1) * loo)
                }
                perReader.append(row)
            }
            y.append(perReader)
        }
        pseudovalues = y

        // Marginal means.
        var mT = [Double](repeating: 0, count: t), mR = [Double](repeating: 0, count: r), mC = [Double](repeating: 0, count: c)
        var mTR = [[Double]](repeating: [Double](repeating: 0, count: r), count: t)
        var mTC = [[Double]](repeating: [Double](repeating: 0, count: c), count: t)
        var mRC = [[Double]](repeating: [Double](repeating: 0, count: c), count: r)
        var grand = 0.0
        for i in 0..<t { for j in 0..<r { for k in 0..<c {
            let v = y[i][j][k]
            grand += v / (tD * rD * cD)
            mT[i] += v / (rD * cD); mR[j] += v / (tD * cD); mC[k] += v / (tD * rD)
            mTR[i][j] += v / cD; mTC[i][k] += v / rD; mRC[j][k] += v / tD
        } } }
        func sq(_ x: Double) -> Double { x * x }
        let ssT = rD * cD * mT.reduce(0) { $0 + sq($1 - grand) }
        let ssR = tD * cD * mR.reduce(0) { $0 + sq($1 - grand) }
        let ssC = tD * rD * mC.reduce(0) { $0 + sq($1 - grand) }
        var ssTR = 0.0, ssTC = 0.0, ssRC = 0.0, ssTRC = 0.0
        for i in 0..<t { for j in 0..<r { ssTR += cD * sq(mTR[i][j] - mT[i] - mR[j] + grand) } }
        for i in 0..<t { for k in 0..<c { ssTC += rD * sq(mTC[i][k] - mT[i] - mC[k] + grand) } }
        for j in 0..<r { for k in 0..<c { ssRC += tD * sq(mRC[j][k] - mR[j] - mC[k] + grand) } }
        for i in 0..<t { for j in 0..<r { for k in 0..<c {
            ssTRC += sq(y[i][j][k] - mTR[i][j] - mTC[i][k] - mRC[j][k] + mT[i] + mR[j] + mC[k] - grand)
        } } }
        let df = (T: tD - 1, R: rD - 1, C: cD - 1, TR: (tD - 1) * (rD - 1), TC: (tD - 1) * (cD - 1),
                  RC: (rD - 1) * (cD - 1), TRC: (tD - 1) * (rD - 1) * (cD - 1))
        degreesOfFreedom = df
        let ms = MeanSquares(T: ssT / df.T, R: ssR / df.R, C: ssC / df.C, TR: ssTR / df.TR, TC: ssTC / df.TC, RC: ssRC / df.RC, TRC: ssTRC / df.TRC)
        meanSquares = ms
        components = VarianceComponents(
            varR: (ms.R - ms.TR - ms.RC + ms.TRC) / (tD * cD), varC: (ms.C - ms.TC - ms.RC + ms.TRC) / (tD * rD),
            varTR: (ms.TR - ms.TRC) / cD, varTC: (ms.TC - ms.TRC) / rD, varRC: (ms.RC - ms.TRC) / tD, errorTRC: ms.TRC)
        eachTreatment = (0..<t).map { i in Self.twoWay(y[i]) }
        eachReader = (0..<r).map { j in Self.twoWay((0..<t).map { y[$0][j] }) }

        let pairs = (0..<t).flatMap { a in ((a + 1)..<t).map { (a, $0) } }
        let names = data.treatments
        func differences(_ error: Double, _ ddf: Double?) -> [TreatmentDifference] {
            pairs.map { a, b in
                TreatmentDifference(first: names[a], second: names[b], estimate: mT[a] - mT[b],
                                    standardError: (2 / (rD * cD) * error).squareRoot(), degreesOfFreedom: ddf, level: level)
            }
        }
        let errorRR = ms.TR + max(ms.TC - ms.TRC, 0)
        let ddfH = ms.TR > 0 ? max(errorRR * errorRR / (ms.TR * ms.TR / df.TR), df.TR) : Double.infinity
        let each = eachTreatment
        randomReadersRandomCases = MRMCTest(
            kind: .randomReadersRandomCases, F: ms.T / errorRR, ndf: df.T, ddf: ddfH, differences: differences(errorRR, ddfH),
            treatments: (0..<t).map { i in
                let e = each[i].msFactor + max(each[i].msC - each[i].msInteraction, 0)
                let dfi = each[i].msFactor > 0 ? e * e / (each[i].msFactor * each[i].msFactor / (rD - 1)) : Double.infinity
                return TreatmentInterval(treatment: names[i], auc: mT[i], standardError: (e / (rD * cD)).squareRoot(), degreesOfFreedom: dfi, level: level)
            })
        fixedReadersRandomCases = MRMCTest(
            kind: .fixedReadersRandomCases, F: ms.T / ms.TC, ndf: df.T, ddf: df.TC, differences: differences(ms.TC, df.TC),
            treatments: (0..<t).map { i in
                TreatmentInterval(treatment: names[i], auc: mT[i], standardError: (each[i].msC / (rD * cD)).squareRoot(), degreesOfFreedom: cD - 1, level: level)
            })
        randomReadersFixedCases = MRMCTest(
            kind: .randomReadersFixedCases, F: ms.T / ms.TR, ndf: df.T, ddf: df.TR, differences: differences(ms.TR, df.TR),
            treatments: (0..<t).map { i in
                TreatmentInterval(treatment: names[i], auc: mT[i], standardError: (each[i].msFactor / (rD * cD)).squareRoot(), degreesOfFreedom: rD - 1, level: level)
            })
    }

    /// Two-way ANOVA (factor × case, one observation per cell) of y[a][k].
    static func twoWay(_ y: [[Double]]) -> TwoWay {
        let a = y.count, c = y[0].count
        let aD = Double(a), cD = Double(c)
        let rowMeans = y.map { $0.reduce(0, +) / cD }
        let colMeans = (0..<c).map { k in y.reduce(0) { $0 + $1[k] } / aD }
        let grand = rowMeans.reduce(0, +) / aD
        var ssA = 0.0, ssC = 0.0, ssAC = 0.0
        for m in rowMeans { ssA += cD * (m - grand) * (m - grand) }
        for m in colMeans { ssC += aD * (m - grand) * (m - grand) }
        for i in 0..<a { for k in 0..<c {
            let e = y[i][k] - rowMeans[i] - colMeans[k] + grand
            ssAC += e * e
        } }
        return TwoWay(msFactor: ssA / (aD - 1), msC: ssC / (cD - 1), msInteraction: ssAC / ((aD - 1) * (cD - 1)))
    }
}
