import Foundation
import Testing
@testable import Statistics

/// Every κ and AUC example of ../shared/reference/kappa-auc (scikit-learn, psych, pROC,
/// Hanley & McNeil 1982, Cohen 1968, Fleiss–Cohen–Everitt 1969), from the repo's copies and,
/// when present, from the shared originals.
@Suite struct KappaAUCReferenceTests {
    /// Loads a two-column-or-more CSV fixture as (header, rows of strings).
    static func csv(_ text: String, _ name: String) throws -> CSVTable { try CSVTable(text: text, source: name) }

    /// Checks one REFERENCE_kappa_auc.json against the data files in `read`.
    static func checkReference(_ json: [String: Any], read: (String) throws -> String) throws {
        let cases = json["cases"] as! [String: Any]
        var checked = 0
        for (name, value) in cases {
            let c = value as! [String: Any]
            func num(_ key: String) -> Double? { (c[key] as? NSNumber)?.doubleValue }
            switch name {
            case "sklearn_doc_kappa":
                let k = try CohenKappa(c["rater1"] as! [String], c["rater2"] as! [String])
                #expect(close(k.kappa, num("kappa")!, 1e-12), "\(name)")
                checked += 1
            case _ where c["table_rows_rater1_cols_rater2"] != nil:
                let table = (c["table_rows_rater1_cols_rater2"] as! [Any]).map { ($0 as! [Any]).doubles }
                #expect(close(try CohenKappa(table: table).kappa, num("kappa")!, 1e-12), "\(name)")
                #expect(close(try CohenKappa(table: table, weights: .linear).kappa, num("kappa_linear")!, 1e-12), "\(name) linear")
                #expect(close(try CohenKappa(table: table, weights: .quadratic).kappa, num("kappa_quadratic")!, 1e-12), "\(name) quadratic")
                checked += 1
            case "cohen_1968_table_x200":
                let table = (c["table"] as! [Any]).map { ($0 as! [Any]).doubles }
                #expect(close(try CohenKappa(table: table).kappa, num("kappa")!, 1e-12), "\(name)")
                let weighted = try CohenKappa(table: table, weights: .disagreement([[0, 1, 3], [1, 0, 6], [3, 6, 0]]))
                #expect(abs(weighted.kappa - num("documented_weighted_with_disagreement_weights_0_1_3_1_0_6_3_6_0")!) < 0.0005, "\(name) weighted (Cohen 1968: .348)")
                #expect(abs(try CohenKappa(table: table).kappa - num("documented_unweighted")!) < 0.0005)
                checked += 1
            case "vandyke_trt0_reader0_vs_reader1", "hanley_mcneil_1982_ct":
                let t = try csv(try read(c["file"] as! String), c["file"] as! String)
                let truthCol = try t.requireColumn("truth")
                let truth = try t.rows.map { try t.truth($0, truthCol) }
                if name == "hanley_mcneil_1982_ct" {
                    let scores = try t.rows.map { try t.number($0, try t.requireColumn("rating")) }
                    let est = AUCEstimate(truth: truth, scores: scores)
                    #expect(close(est.auc, num("auc")!, 1e-12))
                    #expect(abs(est.auc - num("documented_auc")!) < 0.0005)
                    #expect(abs(est.hanleyMcNeilStandardError - num("documented_se")!) < 0.0005)
                } else {
                    let r0 = try t.rows.map { try t.number($0, try t.requireColumn("reader0")) }
                    let r1 = try t.rows.map { try t.number($0, try t.requireColumn("reader1")) }
                    #expect(close(try CohenKappa(r0, r1).kappa, num("kappa")!, 1e-12))
                    #expect(close(try CohenKappa(r0, r1, weights: .linear).kappa, num("kappa_linear")!, 1e-12))
                    #expect(close(try CohenKappa(r0, r1, weights: .quadratic).kappa, num("kappa_quadratic")!, 1e-12))
                    #expect(close(AUCEstimate(truth: truth, scores: r0).auc, num("auc_reader0")!, 1e-12))
                    #expect(close(AUCEstimate(truth: truth, scores: r1).auc, num("auc_reader1")!, 1e-12))
                }
                checked += 1
            case "sklearn_doc_roc_curve":
                let truth = (c["y"] as! [Any]).doubles.map { $0 == 1 }
                let scores = (c["scores"] as! [Any]).doubles
                #expect(close(AUCEstimate(truth: truth, scores: scores).auc, num("auc")!, 1e-12))
                let curve = ROCCurve(truth: truth, scores: scores)
                #expect(curve.falsePositiveRate == (c["fpr"] as! [Any]).doubles)
                #expect(curve.truePositiveRate == (c["tpr"] as! [Any]).doubles)
                let thresholds = Array((c["thresholds"] as! [Any]).dropFirst()).doubles
                #expect((c["thresholds"] as! [Any]).first as? String == "Infinity")
                #expect(Array(curve.thresholds.dropFirst()) == thresholds && curve.thresholds[0] == .infinity)
                checked += 1
            case "pROC_aSAH":
                let (truth, s100b, ndka) = try aSAH(try read(c["file"] as! String))
                let test = DeLongTest(truth: truth, first: s100b, second: ndka)
                #expect(close(test.first.auc, num("auc_s100b")!, 1e-12))
                #expect(close(test.second.auc, num("auc_ndka")!, 1e-12))
                #expect(close(test.first.variance, num("pROC_var_s100b")!, 1e-14))
                #expect(close(test.second.variance, num("pROC_var_ndka")!, 1e-14))
                #expect(close(test.covariance, num("pROC_cov")!, 1e-14))
                #expect(close(test.statistic, num("pROC_delong_paired_Z")!, 1e-8))
                #expect(close(test.p, num("pROC_delong_paired_p")!, 1e-8))
                checked += 1
            default:
                Issue.record("unknown reference case \(name): add a check for it")
            }
        }
        #expect(checked == cases.count)
    }

    /// pROC's aSAH: outcome Poor is the positive class (pROC's `cases`), Good the controls.
    static func aSAH(_ text: String) throws -> ([Bool], [Double], [Double]) {
        let t = try CSVTable(text: text, source: "pROC_aSAH.csv")
        let o = try t.requireColumn("outcome"), s = try t.requireColumn("s100b"), n = try t.requireColumn("ndka")
        return (try t.rows.map { try t.cell($0, o) == "Poor" }, try t.rows.map { try t.number($0, s) }, try t.rows.map { try t.number($0, n) })
    }

    @Test func repoCopyOfReference() throws {
        try Self.checkReference(try Fixture.json("kappa-auc/REFERENCE_kappa_auc.json")) { try Fixture.text("kappa-auc/" + $0) }
    }

    @Test func sharedReference() throws {
        guard let json = try Fixture.sharedJSON("kappa-auc", "REFERENCE_kappa_auc.json") else {
            print("KappaAUCReferenceTests.sharedReference: skipped: ../shared/reference/kappa-auc is not present beside the package")
            return
        }
        try Self.checkReference(json) { Fixture.sharedText("kappa-auc", $0) ?? "" }
        // The repo's copies must be the same bytes as the originals.
        for file in ["REFERENCE_kappa_auc.json", "R_psych-pROC_output.txt", "pROC_aSAH.csv", "hanley_mcneil_1982_ct_ratings.csv", "vandyke_trt0_reader0_vs_reader1.csv"] {
            #expect(Fixture.sharedText("kappa-auc", file) == (try Fixture.text("kappa-auc/" + file)), "\(file) differs from ../shared")
        }
    }

    // MARK: R (psych, pROC) numbers

    var expected: [String: Any] { get throws { try Fixture.json("kappa-auc/expected_R.json") } }

    @Test func transcribedNumbersAppearInROutput() throws {
        let text = try Fixture.text("kappa-auc/R_psych-pROC_output.txt")
        func strings(_ v: Any) -> [String] {
            if let s = v as? String { return [s] }
            if let a = v as? [Any] { return a.flatMap(strings) }
            if let d = v as? [String: Any] { return d.filter { $0.key != "note" }.flatMap { strings($0.value) } }
            return []
        }
        var e = try expected
        e.removeValue(forKey: "source")
        let all = strings(e)
        #expect(all.count > 30)
        for s in all { #expect(text.contains(s), "\(s) is not in R_psych-pROC_output.txt") }
    }

    @Test func hanleyMcNeilAgainstPROC() throws {
        let e = try expected["hanleyMcNeil"] as! [String: String]
        let t = try CSVTable(text: try Fixture.text("kappa-auc/hanley_mcneil_1982_ct_ratings.csv"), source: "hm")
        let est = AUCEstimate(truth: try t.rows.map { try t.truth($0, 0) }, scores: try t.rows.map { try t.number($0, 1) })
        #expect(close(est.auc, Double(e["auc"]!)!, 1e-12))
        #expect(close(est.hanleyMcNeilStandardError, Double(e["seHanleyMcNeil"]!)!, 1e-13))
        #expect(close(est.standardError, Double(e["seDeLong"]!)!, 1e-13))
        #expect(close(est.ciLow, Double(e["ciLow"]!)!, 1e-9))
        #expect(close(est.ciHigh, Double(e["ciHigh"]!)!, 1e-9))
    }

    @Test func aSAHPairedAndUnpairedDeLong() throws {
        let e = try expected["aSAH"] as! [String: Any]
        func d(_ k: String) -> Double { Double(e[k] as! String)! }
        func pair(_ k: String) -> [Double] { (e[k] as! [String]).map { Double($0)! } }
        let (truth, s100b, ndka) = try Self.aSAH(try Fixture.text("kappa-auc/pROC_aSAH.csv"))
        let paired = DeLongTest(truth: truth, first: s100b, second: ndka)
        #expect(close(paired.first.auc, d("aucS100b"), 1e-9))
        #expect(close(paired.second.auc, d("aucNdka"), 1e-9))
        #expect(close(paired.first.ciLow, pair("ciS100b")[0], 1e-9) && close(paired.first.ciHigh, pair("ciS100b")[1], 1e-9))
        #expect(close(paired.second.ciLow, pair("ciNdka")[0], 1e-9) && close(paired.second.ciHigh, pair("ciNdka")[1], 1e-8))
        #expect(close(paired.first.variance, d("varS100b"), 1e-14))
        #expect(close(paired.second.variance, d("varNdka"), 1e-14))
        #expect(close(paired.covariance, d("cov"), 1e-14))
        #expect(close(paired.statistic, d("pairedZ"), 1e-9))
        #expect(close(paired.p, d("pairedP"), 1e-9))
        #expect(close(paired.ciLow, pair("pairedCI")[0], 1e-12) && close(paired.ciHigh, pair("pairedCI")[1], 1e-12))
        let unpaired = DeLongTest(unpaired: paired.first, paired.second)
        #expect(close(unpaired.statistic, d("unpairedD"), 1e-9))
        #expect(close(unpaired.degreesOfFreedom!, d("unpairedDf"), 1e-6))
        #expect(close(unpaired.p, d("unpairedP"), 1e-9))
    }

    @Test func kappaStandardErrorsAgainstPsych() throws {
        let e = try expected
        let ci = e["psychKappaCI"] as! [String: Any]
        func triple(_ k: String) -> [Double] { (ci[k] as! [String]).map { Double($0)! } }
        func matches(_ k: CohenKappa, _ key: String) {
            let want = triple(key)
            // psych rounds to two decimals: agree within half a unit of the last digit.
            #expect(abs(k.ciLow - want[0]) <= 0.005 + 1e-12 && abs(k.kappa - want[1]) <= 0.005 + 1e-12 && abs(k.ciHigh - want[2]) <= 0.005 + 1e-12,
                    "\(key): \(k.ciLow) \(k.kappa) \(k.ciHigh) vs \(want)")
        }
        let cohen = [[88.0, 14, 18], [10, 40, 10], [2, 6, 12]]
        matches(try CohenKappa(table: cohen), "cohen1968Unweighted")
        let fleiss = [[106.0, 10, 4], [22, 28, 10], [2, 12, 6]]
        matches(try CohenKappa(table: fleiss), "fleiss1969Unweighted")
        let fw = try CohenKappa(table: fleiss, weights: .agreement([[1, 0, 0.4444], [0, 1, 0.6667], [0.4444, 0.6667, 1]]))
        // psych's weighted-κ variance builds the weighted marginals differently from Fleiss, Cohen &
        // Everitt (1969) and gives a different SE; we follow the paper and check it against the
        // delta method below. The weighted estimates themselves agree with psych.
        #expect(abs(fw.kappa - triple("fleiss1969Weighted")[1]) <= 0.005)
        let exact = e["exact"] as! [String: String]
        // psych was given the weights to 4 decimals (0.4444, 0.6667), as we are.
        #expect(close(fw.kappa, Double(exact["fleiss1969Weighted"]!)!, 1e-11))
        #expect(close(try CohenKappa(table: cohen, weights: .disagreement([[0, 1, 3], [1, 0, 6], [3, 6, 0]])).kappa,
                      Double(exact["cohen1968Weighted"]!)!, 1e-11))
        let t = try CSVTable(text: try Fixture.text("kappa-auc/vandyke_trt0_reader0_vs_reader1.csv"), source: "vd")
        let r0 = try t.rows.map { try t.number($0, 2) }, r1 = try t.rows.map { try t.number($0, 3) }
        matches(try CohenKappa(r0, r1), "vandykeUnweighted")
        #expect(abs(try CohenKappa(r0, r1, weights: .quadratic).kappa - triple("vandykeQuadratic")[1]) <= 0.005)
    }

    /// The Fleiss–Cohen–Everitt SE equals the multinomial delta-method SE, √((Σ p g² − (Σ p g)²)/n)
    /// with g = ∂κ/∂p from central differences — an independent check of the closed form.
    @Test func kappaStandardErrorEqualsDeltaMethod() throws {
        let tables: [([[Double]], KappaWeights)] = [
            ([[106, 10, 4], [22, 28, 10], [2, 12, 6]], .agreement([[1, 0, 0.4444], [0, 1, 0.6667], [0.4444, 0.6667, 1]])),
            ([[88, 14, 18], [10, 40, 10], [2, 6, 12]], .disagreement([[0, 1, 3], [1, 0, 6], [3, 6, 0]])),
            ([[20, 5, 1, 0], [4, 18, 6, 2], [1, 3, 22, 5], [0, 1, 4, 9]], .quadratic),
            ([[20, 5, 1, 0], [4, 18, 6, 2], [1, 3, 22, 5], [0, 1, 4, 9]], .linear),
            ([[20, 5, 1, 0], [4, 18, 6, 2], [1, 3, 22, 5], [0, 1, 4, 9]], .none),
        ]
        for (table, weights) in tables {
            let k = try CohenKappa(table: table, weights: weights)
            let n = table.flatMap { $0 }.reduce(0, +)
            var sumPG = 0.0, sumPG2 = 0.0
            for i in table.indices {
                for j in table.indices {
                    let h = 1e-4
                    var up = table, down = table
                    up[i][j] += h; down[i][j] -= h
                    // κ is homogeneous of degree 0 in the counts, so n·∂κ/∂count = ∂κ/∂p.
                    let g = n * (try CohenKappa(table: up, weights: weights).kappa - (try CohenKappa(table: down, weights: weights).kappa)) / (2 * h)
                    let p = table[i][j] / n
                    sumPG += p * g; sumPG2 += p * g * g
                }
            }
            let delta = ((sumPG2 - sumPG * sumPG) / n).squareRoot()
            #expect(close(k.standardError, delta, 1e-7), "\(weights): \(k.standardError) vs delta \(delta)")
        }
    }
}
