import Foundation
import Statistics

/// External validation of the installed models against studies with `reference.json`:
/// what a site runs on its own labelled cases before trusting a model. Add each study's
/// findings with its reference, then read the report (keys as `lightbox models validate --json`).
public struct ModelValidation: Sendable {
    var boneAgeErrors: [Double] = []
    var fractureTruth: [Bool] = []
    var fractureScores: [Double] = []
    var fractureCalls: [Bool] = []
    /// The fracture model's operating point (the last study's; one model per run).
    public private(set) var operatingPoint: Double?
    var spineStudies = 0
    var levelErrorsMm: [Double] = []
    var stenosisTruth: [Int] = []
    var stenosisPredicted: [Int] = []
    var pfirrmannCorrect: [Bool] = []
    var stenosisRows: [[WeightedLogLoss.Row]] = []

    public init() {}

    public mutating func add(_ f: StudyFindings, reference r: ValidationReference) {
        if let b = f.boneAge, let h = r.hand { boneAgeErrors.append(b.months - h.boneAgeMonths) }
        if let fx = f.fracture, let e = r.extremity {
            fractureTruth.append(e.label.lowercased() == "abnormal")
            fractureScores.append(fx.probability)
            fractureCalls.append(fx.abnormal)
            operatingPoint = fx.operatingPoint
        }
        if let s = f.spine, let ref = r.spine {
            spineStudies += 1
            var rows: [WeightedLogLoss.Row] = []
            for level in s.levels {
                guard let truth = ref.levels.first(where: { $0.level == level.level }) else { continue }
                if let mm = Self.distanceMm(level, truth, spacing: ref.pixelSpacing) { levelErrorsMm.append(mm) }
                if let t = truth.stenosisIndex {
                    stenosisTruth.append(t)
                    stenosisPredicted.append(SpineFinding.stenosisLabels.firstIndex(of: level.canalStenosisLabel)!)
                    rows.append((t, level.canalStenosis))
                }
                pfirrmannCorrect.append(level.pfirrmannLabel == String(truth.pfirrmann))
            }
            stenosisRows.append(rows)
        }
    }

    /// Distance between the predicted and reference disc centres in mm: from both mm
    /// positions when present, else the pixel distance times the reference spacing.
    static func distanceMm(_ p: SpineFinding.Level, _ t: ValidationReference.Level, spacing: Double?) -> Double? {
        if let x = p.xMm, let y = p.yMm, let tm = t.centerMm { return hypot(x - tm.x, y - tm.y) }
        guard let s = spacing else { return nil }
        return hypot(p.x - t.center.x, p.y - t.center.y) * s
    }

    /// Metric key → value, as the JSON report names them. Metrics that cannot be computed
    /// (no cases, one class only) are `.null`.
    public func report() -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        func num(_ x: Double?) -> JSONValue { x.map { $0.isFinite ? .number($0) : .null } ?? .null }
        let mean = { (xs: [Double]) -> Double? in xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count) }

        out["boneAge.n"] = .number(Double(boneAgeErrors.count))
        out["boneAge.mad"] = num(mean(boneAgeErrors.map(abs)))
        out["boneAge.within12"] = num(mean(boneAgeErrors.map { abs($0) <= 12 ? 1 : 0 }))

        out["fracture.n"] = .number(Double(fractureTruth.count))
        let both = fractureTruth.contains(true) && fractureTruth.contains(false)
        if both {
            let auc = AUCEstimate(truth: fractureTruth, scores: fractureScores)
            out["fracture.auroc"] = num(auc.auc)
            out["fracture.auroc95ci"] = .array([num(max(0, auc.ciLow)), num(min(1, auc.ciHigh))])
        } else {
            out["fracture.auroc"] = .null
            out["fracture.auroc95ci"] = .null
        }
        let positives = fractureTruth.filter { $0 }.count, negatives = fractureTruth.count - positives
        let tp = zip(fractureTruth, fractureCalls).filter { $0.0 && $0.1 }.count
        let tn = zip(fractureTruth, fractureCalls).filter { !$0.0 && !$0.1 }.count
        out["fracture.sensitivity"] = positives > 0 ? num(Proportion(successes: tp, trials: positives).estimate) : .null
        out["fracture.specificity"] = negatives > 0 ? num(Proportion(successes: tn, trials: negatives).estimate) : .null
        out["fracture.kappa"] = num(try? CohenKappa(fractureTruth.map { $0 ? 1 : 0 }, fractureCalls.map { $0 ? 1 : 0 }, categories: [0, 1]).kappa)

        out["spine.n"] = .number(Double(spineStudies))
        out["spine.levelErrorMm"] = num(mean(levelErrorsMm))
        out["spine.levelWithin5mm"] = num(mean(levelErrorsMm.map { $0 <= 5 ? 1 : 0 }))
        out["spine.canalStenosis.kappaLinear"] = num(try? CohenKappa(stenosisTruth, stenosisPredicted, categories: [0, 1, 2], weights: .linear).kappa)
        out["spine.pfirrmann.accuracy"] = num(mean(pfirrmannCorrect.map { $0 ? 1 : 0 }))
        out["spine.weightedLogLoss"] = num(WeightedLogLoss.score(stenosisRows))
        return out
    }
}
