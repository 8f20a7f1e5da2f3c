/// Obuchowski–Rockette (OR) analysis of reader AUCs with Hillis's denominator degrees of freedom.
///
/// Model: θ_tr = μ + τ_t + R_r + (τR)_tr + ε_tr with error covariances Var, Cov1 (same reader,
/// different treatment), Cov2 (different reader, same treatment), Cov3 (both different),
/// estimated by the jackknife or DeLong's method and averaged over the pairs of each kind.
/// Sources: Obuchowski & Rockette, Commun Stat Simul Comput 24:285–308 (1995); Hillis, Obuchowski,
/// Schartz & Berbaum, Stat Med 24:1579–1607 (2005); Hillis, Stat Med 26:596–619 (2007) for
/// ddf_H = [MS(T×R) + r·max(Cov2 − Cov3, 0)]² / {MS(T×R)²/[(t−1)(r−1)]}, floored at (t−1)(r−1);
/// Hillis, Berbaum & Metz, Acad Radiol 15:647–661 (2008) for the fixed-reader and fixed-case
/// analyses. Formulas and table layout follow the Iowa OR-DBM MRMC 2.51 program, whose Van Dyke
/// and Franken outputs the tests reproduce.
public struct ORAnalysis: Sendable {
    public let treatments: [String]
    public let readers: [String]
    public let cases: Int
    public let covarianceMethod: CovarianceMethod
    public let level: Double
    /// auc[t][r], the empirical (trapezoidal/Wilcoxon) AUC of reader r under treatment t.
    public let auc: [[Double]]
    /// Reader-averaged AUC per treatment.
    public let treatmentAUC: [Double]
    public let msT: Double
    public let msR: Double
    public let msTR: Double
    /// MS(R) of the one-way reader ANOVA within each treatment.
    public let msREachTreatment: [Double]
    /// Error covariance matrix of the AUCs, indexed t·r + r.
    public let covariance: [[Double]]
    public let components: ORVarianceComponents
    /// Var and Cov2 averaged within each treatment.
    public let varianceEachTreatment: [Double]
    public let cov2EachTreatment: [Double]
    /// Var and Cov1 averaged within each reader.
    public let varianceEachReader: [Double]
    public let cov1EachReader: [Double]

    public let randomReadersRandomCases: MRMCTest
    public let fixedReadersRandomCases: MRMCTest
    public let randomReadersFixedCases: MRMCTest
    /// Fixed-reader, random-case differences for each reader alone (per reader: all treatment pairs).
    public let differencesEachReader: [[TreatmentDifference]]

    public init(_ data: MRMCDataset, covariance method: CovarianceMethod = .jackknife, level: Double = 0.95) {
        let t = data.treatments.count, r = data.readers.count
        let placements = (0..<t).map { i in (0..<r).map { j in data.placements(i, j) } }
        let flat = placements.flatMap { $0 }
        let cov: [[Double]]
        switch method {
        case .jackknife: cov = Self.jackknifeCovariance(flat)
        case .delong: cov = flat.map { a in flat.map { a.delongCovariance(with: $0) } }
        }
        self.init(treatments: data.treatments, readers: data.readers, cases: data.cases.count,
                  figureOfMerit: placements.map { $0.map(\.auc) }, covariance: cov, method: method, level: level)
    }

    /// The OR analysis of any reader-level figure of merit (Hillis et al. 2005 apply it beyond AUC):
    /// `figureOfMerit[t][r]` and its case-sampling covariance matrix indexed t·r + r.
    init(treatments names: [String], readers readerNames: [String], cases: Int, figureOfMerit auc: [[Double]],
         covariance cov: [[Double]], method: CovarianceMethod, level: Double) {
        let t = names.count, r = readerNames.count
        let tD = Double(t), rD = Double(r)
        let data = (treatments: names, readers: readerNames)
        treatments = names
        readers = readerNames
        self.cases = cases
        covarianceMethod = method
        self.level = level
        self.auc = auc
        covariance = cov

        // Two-way treatment × reader ANOVA of the AUCs.
        let grand = auc.flatMap { $0 }.reduce(0, +) / (tD * rD)
        let treatmentAUC = auc.map { $0.reduce(0, +) / rD }
        self.treatmentAUC = treatmentAUC
        let readerMeans = (0..<r).map { j in (0..<t).reduce(0) { $0 + auc[$1][j] } / tD }
        let msT = rD * treatmentAUC.reduce(0) { $0 + ($1 - grand) * ($1 - grand) } / (tD - 1)
        let msR = tD * readerMeans.reduce(0) { $0 + ($1 - grand) * ($1 - grand) } / (rD - 1)
        var ssTR = 0.0
        for i in 0..<t { for j in 0..<r {
            let e = auc[i][j] - treatmentAUC[i] - readerMeans[j] + grand
            ssTR += e * e
        } }
        let msTR = ssTR / ((tD - 1) * (rD - 1))
        self.msT = msT; self.msR = msR; self.msTR = msTR
        let msREachTreatment = (0..<t).map { i in
            (0..<r).reduce(0) { $0 + (auc[i][$1] - treatmentAUC[i]) * (auc[i][$1] - treatmentAUC[i]) } / (rD - 1)
        }

        self.msREachTreatment = msREachTreatment

        // Average the covariance matrix by kind of pair.
        func idx(_ i: Int, _ j: Int) -> Int { i * r + j }
        var sums = [0.0, 0.0, 0.0, 0.0], counts = [0.0, 0.0, 0.0, 0.0]
        var varT = [Double](repeating: 0, count: t), cov2T = [Double](repeating: 0, count: t)
        var varR = [Double](repeating: 0, count: r), cov1R = [Double](repeating: 0, count: r)
        for i in 0..<t { for j in 0..<r { for i2 in 0..<t { for j2 in 0..<r {
            let c = cov[idx(i, j)][idx(i2, j2)]
            let kind = (i == i2 ? 0 : 1) + (j == j2 ? 0 : 2)  // 0 Var, 1 Cov1, 2 Cov2, 3 Cov3
            sums[kind] += c; counts[kind] += 1
            if kind == 0 { varT[i] += c / rD; varR[j] += c / tD }
            if kind == 2 { cov2T[i] += c / (rD * (rD - 1)) }
            if kind == 1 { cov1R[j] += c / (tD * (tD - 1)) }
        } } } }
        let v = sums[0] / counts[0], c1 = sums[1] / counts[1], c2 = sums[2] / counts[2], c3 = sums[3] / counts[3]
        components = ORVarianceComponents(msR: msR, msTR: msTR, treatments: t, variance: v, cov1: c1, cov2: c2, cov3: c3)
        varianceEachTreatment = varT
        cov2EachTreatment = cov2T
        varianceEachReader = varR
        cov1EachReader = cov1R

        let pairs = (0..<t).flatMap { a in ((a + 1)..<t).map { (a, $0) } }

        // Random readers, random cases (Hillis 2007).
        let errorRR = msTR + rD * max(c2 - c3, 0)
        let floorDF = (tD - 1) * (rD - 1)
        let ddfH = msTR > 0 ? max(errorRR * errorRR / (msTR * msTR / floorDF), floorDF) : Double.infinity
        randomReadersRandomCases = MRMCTest(
            kind: .randomReadersRandomCases, F: msT / errorRR, ndf: tD - 1, ddf: ddfH,
            differences: pairs.map { a, b in
                TreatmentDifference(first: data.treatments[a], second: data.treatments[b], estimate: treatmentAUC[a] - treatmentAUC[b],
                                    standardError: (2 / rD * errorRR).squareRoot(), degreesOfFreedom: ddfH, level: level)
            },
            treatments: (0..<t).map { i in
                let e = msREachTreatment[i] + rD * max(cov2T[i], 0)
                let df = msREachTreatment[i] > 0 ? e * e / (msREachTreatment[i] * msREachTreatment[i] / (rD - 1)) : Double.infinity
                return TreatmentInterval(treatment: data.treatments[i], auc: treatmentAUC[i], standardError: (e / rD).squareRoot(),
                                         degreesOfFreedom: df, level: level)
            })

        // Fixed readers, random cases: chi-square test.
        let errorFR = v - c1 + (rD - 1) * max(c2 - c3, 0)
        fixedReadersRandomCases = MRMCTest(
            kind: .fixedReadersRandomCases, F: msT / errorFR, ndf: tD - 1, ddf: nil,
            differences: pairs.map { a, b in
                TreatmentDifference(first: data.treatments[a], second: data.treatments[b], estimate: treatmentAUC[a] - treatmentAUC[b],
                                    standardError: (2 / rD * errorFR).squareRoot(), degreesOfFreedom: nil, level: level)
            },
            treatments: (0..<t).map { i in
                TreatmentInterval(treatment: data.treatments[i], auc: treatmentAUC[i],
                                  standardError: ((varT[i] + (rD - 1) * max(cov2T[i], 0)) / rD).squareRoot(), degreesOfFreedom: nil, level: level)
            })
        differencesEachReader = (0..<r).map { j in
            pairs.map { a, b in
                let variance = cov[idx(a, j)][idx(a, j)] + cov[idx(b, j)][idx(b, j)] - 2 * cov[idx(a, j)][idx(b, j)]
                return TreatmentDifference(first: data.treatments[a], second: data.treatments[b], estimate: auc[a][j] - auc[b][j],
                                           standardError: max(variance, 0).squareRoot(), degreesOfFreedom: nil, level: level)
            }
        }

        // Random readers, fixed cases: conventional treatment × reader ANOVA.
        randomReadersFixedCases = MRMCTest(
            kind: .randomReadersFixedCases, F: msT / msTR, ndf: tD - 1, ddf: floorDF,
            differences: pairs.map { a, b in
                TreatmentDifference(first: data.treatments[a], second: data.treatments[b], estimate: treatmentAUC[a] - treatmentAUC[b],
                                    standardError: (2 / rD * msTR).squareRoot(), degreesOfFreedom: floorDF, level: level)
            },
            treatments: (0..<t).map { i in
                TreatmentInterval(treatment: data.treatments[i], auc: treatmentAUC[i], standardError: (msREachTreatment[i] / rD).squareRoot(),
                                  degreesOfFreedom: rD - 1, level: level)
            })
    }

    /// Jackknife covariance of the AUCs over cases: (c−1)/c Σ_k (θ_(k) − θ̄)(θ'_(k) − θ̄').
    /// The leave-one-out Wilcoxon AUC comes from the placements in O(1): removing positive i
    /// gives (mθ − V10_i)/(m−1), removing negative j gives (nθ − V01_j)/(n−1).
    static func jackknifeCovariance(_ p: [Placements]) -> [[Double]] {
        jackknifeCovariance(leaveOneOut: p.map { pl in
            let m = Double(pl.positive.count), n = Double(pl.negative.count)
            return pl.positive.map { (m * pl.auc - $0) / (m - 1) } + pl.negative.map { (n * pl.auc - $0) / (n - 1) }
        })
    }

    /// Jackknife covariance from leave-one-case-out values loo[index][case] (same case order in each row).
    static func jackknifeCovariance(leaveOneOut loo: [[Double]]) -> [[Double]] {
        let c = Double(loo[0].count)
        let centred = loo.map { x -> [Double] in
            let mean = x.reduce(0, +) / c
            return x.map { $0 - mean }
        }
        return centred.map { a in
            centred.map { b in
                var s = 0.0
                for k in a.indices { s += a[k] * b[k] }
                return (c - 1) / c * s
            }
        }
    }
}
