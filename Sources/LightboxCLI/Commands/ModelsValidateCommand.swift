import ArgumentParser
import Common
import Findings
import Foundation
import Worklist

/// `lightbox models validate --library DIR [--json]`: external validation on labelled studies.
struct ModelsValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate the installed models on a library of studies with reference.json.",
        discussion: """
        Bone age: mean absolute difference (months) and share within 12 months. Fracture: AUROC with DeLong 95% CI, \
        sensitivity and specificity at the card's operating point, Cohen's kappa. Spine: disc-centre error (mm) and share \
        within 5 mm, linear-weighted kappa for canal stenosis, Pfirrmann exact accuracy, RSNA 2024 weighted log loss \
        (spinal canal terms). Run this on your own labelled cases before trusting a model.
        """
    )

    @Option(help: "A study library folder (study folders with study.json and reference.json).")
    var library: String

    @Flag(help: "Print the metrics as JSON.")
    var json = false

    @OptionGroup var engineOptions: EngineOptions

    func run() throws {
        try reportingErrors {
            let engine = try engineOptions.engine()
            let lib = try StudyLibrary.load(root: library)
            var validation = ModelValidation()
            var used = 0, unlabelled = 0, noModel = 0, failed = 0
            var names = Set<String>()
            for entry in lib.entries {
                guard case .study(let study) = entry else {
                    if case .broken(_, let message) = entry { warn(message + " (study skipped)") }
                    continue
                }
                guard let refPath = study.referencePath else { unlabelled += 1; continue }
                let reference = try ValidationReference.parse(Array(try Data(contentsOf: URL(fileURLWithPath: refPath))), path: refPath)
                let result: StudyFindings?
                do { result = try engine.run(study) } catch {
                    failed += 1
                    warn(UserMessage.text(for: error) + " (study \((study.folder as NSString).lastPathComponent) skipped)")
                    continue
                }
                guard let findings = result else { noModel += 1; continue }
                findings.models.forEach { names.insert($0.displayName) }
                validation.add(findings, reference: reference)
                used += 1
            }
            let report = validation.report()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                print("validated \(used) studies with \(names.sorted().joined(separator: ", "))"
                    + (unlabelled > 0 ? "; \(unlabelled) without reference.json skipped" : "")
                    + (noModel > 0 ? "; \(noModel) with no applicable model" : "")
                    + (failed > 0 ? "; \(failed) failed (see above)" : ""))
                for line in ModelsValidateText.lines(report, operatingPoint: validation.operatingPoint) { print(line) }
                if engine.registry.models.contains(where: \.card.isPhantomTrained) { print("models trained on phantoms — not for clinical use") }
            }
        }
    }

    func warn(_ s: String) { FileHandle.standardError.write(Data(("lightbox: " + s + "\n").utf8)) }
}

enum ModelsValidateText {
    static func lines(_ r: [String: JSONValue], operatingPoint: Double?) -> [String] {
        func v(_ k: String, _ f: (Double) -> String) -> String {
            if case .number(let x)? = r[k] { return f(x) }
            return "—"
        }
        let pct = { (x: Double) in String(format: "%.1f%%", 100 * x) }
        let n = { (x: Double) in String(Int(x)) }
        let f2 = { (x: Double) in String(format: "%.2f", x) }
        let f3 = { (x: Double) in String(format: "%.3f", x) }
        var ci = "—"
        if case .array(let a)? = r["fracture.auroc95ci"], a.count == 2, case .number(let lo) = a[0], case .number(let hi) = a[1] {
            ci = String(format: "%.3f–%.3f", lo, hi)
        }
        return [
            "bone age   n \(v("boneAge.n", n))  MAD \(v("boneAge.mad", f2)) mo  within 12 mo \(v("boneAge.within12", pct))",
            "fracture   n \(v("fracture.n", n))  AUROC \(v("fracture.auroc", f3)) (95% CI \(ci))  at P ≥ \(operatingPoint.map(f2) ?? "—"): "
                + "sensitivity \(v("fracture.sensitivity", pct)), specificity \(v("fracture.specificity", pct)), κ \(v("fracture.kappa", f3))",
            "spine      n \(v("spine.n", n))  level error \(v("spine.levelErrorMm", f2)) mm, within 5 mm \(v("spine.levelWithin5mm", pct)); "
                + "canal stenosis κ(linear) \(v("spine.canalStenosis.kappaLinear", f3)); Pfirrmann accuracy \(v("spine.pfirrmann.accuracy", pct)); "
                + "weighted log loss \(v("spine.weightedLogLoss", f3))",
        ]
    }
}
