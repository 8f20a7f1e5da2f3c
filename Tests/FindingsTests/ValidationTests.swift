import Foundation
import Testing
@testable import Findings

struct ValidationTests {
    @Test func weightedLogLossByHand() throws {
        // spinal: rows (truth 0, p 0.5) w1 and (truth 2, p 0.6) w4 → (−ln 0.5 − 4 ln 0.6) / 5
        let rows: [WeightedLogLoss.Row] = [(0, [0.5, 0.3, 0.2]), (2, [0.2, 0.2, 0.6])]
        let spinal = try #require(WeightedLogLoss.spinal(rows))
        #expect(abs(spinal - (-log(0.5) - 4 * log(0.6)) / 5) < 1e-12)
        // any severe: one study, label 1, prediction max(0.2, 0.6), weight 4 → −ln 0.6
        #expect(abs(WeightedLogLoss.anySevere([rows])! - -log(0.6)) < 1e-12)
        #expect(abs(WeightedLogLoss.score([rows])! - (spinal - log(0.6)) / 2) < 1e-12)
        // rows are normalised first: (1, 1, 2) → (0.25, 0.25, 0.5)
        #expect(abs(WeightedLogLoss.spinal([(1, [1, 1, 2])])! - -log(0.25)) < 1e-12)
        // a study with no severe level: label 0, weight = its largest (moderate → 2), loss −ln(1 − max P(severe))
        #expect(abs(WeightedLogLoss.anySevere([[(0, [0.8, 0.1, 0.1]), (1, [0.2, 0.5, 0.3])]])! - -log(0.7)) < 1e-12)
        #expect(WeightedLogLoss.score([]) == nil)
    }

    func level(_ k: Int, x: Double, stenosis: [Double], pfirrmann: Int) -> SpineFinding.Level {
        var p = [Double](repeating: 0.05, count: 5)
        p[pfirrmann - 1] = 0.8
        return SpineFinding.Level(level: SpineFinding.levelNames[k], x: x, y: 10, xMm: x * 0.5, yMm: 5,
                                  canalStenosis: stenosis, pfirrmann: p, listhesis: [1, 0, 0, 0, 0])
    }

    @Test func reportKeysAndValues() throws {
        var v = ModelValidation()
        let ref = { (json: String) in try ValidationReference.parse(Array(json.utf8), path: "r.json") }
        // bone age: errors +3, −15 → MAD 9, within 12: 1/2
        for (pred, truth) in [(103.0, 100.0), (85.0, 100.0)] {
            v.add(StudyFindings(studyId: "h", kind: .hand, models: [], boneAge: BoneAgeFinding(months: pred, sigma: 5, chronologicalMonths: 100, sex: .male)),
                  reference: try ref("{\"hand\": {\"boneAgeMonths\": \(truth)}}"))
        }
        // fracture: scores 0.9 (abn), 0.6 (normal), 0.3 (abn), 0.1 (normal) at 0.5 → AUC 0.75, sens 1/2, spec 1/2
        for (p, label) in [(0.9, "abnormal"), (0.6, "normal"), (0.3, "abnormal"), (0.1, "normal")] {
            let fx = FractureFinding(perImage: [.init(image: "1", logit: 0, probability: p, cam: nil)], operatingPoint: 0.5)
            v.add(StudyFindings(studyId: "e", kind: .extremity, models: [], fracture: fx), reference: try ref("{\"extremity\": {\"label\": \"\(label)\"}}"))
        }
        // spine: one study; level errors 1, 2, 3, 4, 12 mm (x off by 2·err px at 0.5 mm/px); stenosis all right but one
        let truthLevels = (0..<5).map { k in
            "{\"level\": \"\(SpineFinding.levelNames[k])\", \"canalStenosis\": \"\(k == 4 ? "severe" : "normal_mild")\", \"pfirrmann\": \(k + 1), " +
            "\"listhesis\": {\"meyerding\": 0, \"percent\": 0}, \"center\": {\"x\": 100, \"y\": 10}, \"centerMm\": {\"x\": 50, \"y\": 5}}"
        }.joined(separator: ", ")
        let errors = [1.0, 2, 3, 4, 12]
        let levels = (0..<5).map { k in
            level(k, x: 100 + 2 * errors[k], stenosis: k == 4 ? [0.2, 0.5, 0.3] : [0.9, 0.05, 0.05], pfirrmann: k < 3 ? k + 1 : 1)
        }
        v.add(StudyFindings(studyId: "s", kind: .spine, models: [], spine: SpineFinding(image: "2", levels: levels)),
              reference: try ref("{\"spine\": {\"pixelSpacing\": 0.5, \"levels\": [\(truthLevels)]}}"))
        let r = v.report()
        #expect(Set(r.keys) == ["boneAge.n", "boneAge.mad", "boneAge.within12", "fracture.n", "fracture.auroc", "fracture.auroc95ci",
                                "fracture.sensitivity", "fracture.specificity", "fracture.kappa", "spine.n", "spine.levelErrorMm",
                                "spine.levelWithin5mm", "spine.canalStenosis.kappaLinear", "spine.pfirrmann.accuracy", "spine.weightedLogLoss"])
        #expect(r["boneAge.n"] == .number(2) && r["boneAge.mad"] == .number(9) && r["boneAge.within12"] == .number(0.5))
        #expect(r["fracture.n"] == .number(4) && r["fracture.auroc"] == .number(0.75))
        #expect(r["fracture.sensitivity"] == .number(0.5) && r["fracture.specificity"] == .number(0.5))
        #expect(r["fracture.kappa"] == .number(0))  // 2×2 table [[1,1],[1,1]]: agreement equals chance
        guard case .array(let ci)? = r["fracture.auroc95ci"], case .number(let lo) = ci[0], case .number(let hi) = ci[1] else {
            Issue.record("no CI"); return
        }
        #expect(lo < 0.75 && hi > 0.75 && lo >= 0 && hi <= 1)
        #expect(r["spine.n"] == .number(1))
        guard case .number(let meanErr)? = r["spine.levelErrorMm"] else { Issue.record("no level error"); return }
        #expect(abs(meanErr - 4.4) < 1e-9)
        #expect(r["spine.levelWithin5mm"] == .number(0.8))
        #expect(r["spine.pfirrmann.accuracy"] == .number(0.6))
        // stenosis truth (0,0,0,0,2), predicted (0,0,0,0,1): linear weights w = 1 − |i−j|/2
        // p_o = (4 + 0.5)/5 = 0.9; marginals rows (0.8, 0, 0.2), cols (0.8, 0.2, 0) → p_e = 0.8·(0.8 + 0.1) + 0.2·(0.4·0 + 0.2·0.5) ... computed below
        let rows = [0.8, 0.0, 0.2], cols = [0.8, 0.2, 0.0]
        var pe = 0.0
        for i in 0..<3 { for j in 0..<3 { pe += (1 - Double(abs(i - j)) / 2) * rows[i] * cols[j] } }
        guard case .number(let kappa)? = r["spine.canalStenosis.kappaLinear"] else { Issue.record("no kappa"); return }
        #expect(abs(kappa - (0.9 - pe) / (1 - pe)) < 1e-12)
        let expectedLoss = WeightedLogLoss.score([(0..<5).map { k in (k == 4 ? 2 : 0, levels[k].canalStenosis) }])!
        #expect(r["spine.weightedLogLoss"] == .number(expectedLoss))
    }

    @Test func emptyValidationGivesNulls() {
        let r = ModelValidation().report()
        #expect(r["boneAge.n"] == .number(0) && r["boneAge.mad"] == .null && r["fracture.auroc"] == .null && r["spine.weightedLogLoss"] == .null)
    }

    @Test func referenceErrorsNameFileAndField() {
        do {
            _ = try ValidationReference.parse(Array("{\"hand\": {}}".utf8), path: "s/reference.json")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("boneAgeMonths"))
        }
    }
}
