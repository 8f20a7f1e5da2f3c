import ArgumentParser
import Common
import Findings

/// `lightbox models show NAME`: the card, readable, and whether the engine can load the graph.
struct ModelsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a model's card (intended use, input, outputs, operating point, training, validation) and check its graph loads."
    )

    @Argument(help: "The model's name (see `lightbox models list`).")
    var name: String

    @Option(name: .customLong("models"), help: "A folder of model folders to search first; repeat to add more.")
    var models: [String] = []

    func run() throws {
        try reportingErrors {
            let entry = try ModelsSearch.registry(explicit: models, reportProblems: false).model(named: name)
            for line in ModelsShowText.lines(entry) { print(line) }
            do {
                let loaded = try LoadedModel(entry: entry)
                print("engine:        graph loads and matches the card (\(loaded.entry.card.input.name) → \(loaded.entry.card.outputs.values.sorted().joined(separator: ", ")))")
            } catch {
                print("engine:        cannot run: " + UserMessage.text(for: error))
            }
        }
    }
}

enum ModelsShowText {
    static func lines(_ entry: ModelEntry) -> [String] {
        let c = entry.card
        var out = ["\(c.name) \(c.version) — \(c.task.rawValue) model"]
        if c.isPhantomTrained { out.append("*** \(StudyFindings.disclaimer) ***") }
        out.append("intended use:  \(c.intendedUse)")
        out.append("applies to:    " + c.appliesTo.kinds.map(\.rawValue).joined(separator: ", ")
            + " studies" + (c.appliesTo.modalities.isEmpty ? ", any modality" : ", modality " + c.appliesTo.modalities.joined(separator: "/")))
        out.append("folder:        \(entry.folder)")
        let i = c.input
        let window: String
        switch i.window {
        case .imageDefault: window = "the image's own (file, else study.json, else min–max)"
        case .minMax: window = "min–max of the image"
        case .fixed(let center, let width): window = "centre \(format(center)), width \(format(width))"
        }
        out.append("input:         '\(i.name)' \(i.channels)×\(i.height)×\(i.width) (channels×height×width), \(i.resize.rawValue) resize")
        out.append("  window:      \(window)")
        out.append("  normalise:   (grey − \(list(i.normalisation.mean))) / \(list(i.normalisation.std)), grey in [0, 1]")
        if let s = i.sexInput { out.append("  sex input:   '\(s.name)' male = \(format(Double(s.male))), female = \(format(Double(s.female)))") }
        out.append("outputs:       " + c.outputs.sorted { $0.key < $1.key }.map { "\($0.key) ← '\($0.value)'" }.joined(separator: ", "))
        if c.task == .fracture { out.append("operating pt:  abnormal when study P ≥ \(format(c.threshold))") }
        if let cal = c.calibration {
            out.append("calibration:   " + (cal.method == .temperature ? "temperature, T = \(format(cal.temperature ?? 1)) (P = sigmoid(logit / T))" : "none"))
        }
        if c.task == .spine { out.append("spine slice:   \(c.spineSlice ?? "middle")") }
        if let t = c.training { out += section("training", t) }
        if let v = c.validation { out += section("validation", v) }
        out.append("licence:       \(c.licence ?? "not stated")")
        return out
    }

    static func section(_ title: String, _ value: JSONValue) -> [String] {
        ["\(title):"] + value.flattened().map { "  " + $0 }
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(x)
    }

    /// Card values are Float: printed as Float ("0.3"), not widened to Double ("0.30000001192092896").
    static func list(_ xs: [Float]) -> String {
        func format(_ x: Float) -> String { x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(x) }
        return xs.count == 1 ? format(xs[0]) : "(" + xs.map(format).joined(separator: ", ") + ")"
    }
}
