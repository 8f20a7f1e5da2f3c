import Common
import Findings
import Ledger
import Worklist

/// The models an experiment's readers see, pinned by fingerprint: by
/// `experiment prepare`, or by its first reader when nobody prepared it. Every
/// later reader's models must match byte for byte, or reading stops.
enum ExperimentModels {
    /// The installed models that apply to the experiment's cases, by name.
    static func applicable(engine: FindingsEngine, studies: [Study]) throws -> [(entry: ModelEntry, fingerprint: ModelFingerprint)] {
        var seen: [String: (ModelEntry, ModelFingerprint)] = [:]
        for study in studies {
            for entry in engine.models(for: FindingsStudy(study)) where seen[entry.card.name] == nil {
                seen[entry.card.name] = (entry, try engine.fingerprint(entry))
            }
        }
        return seen.values.sorted { $0.0.card.name < $1.0.card.name }.map { (entry: $0.0, fingerprint: $0.1) }
    }

    /// Pins the applicable models when none are pinned yet, then checks that
    /// what is installed now is exactly what was pinned. Returns the pinned models.
    @discardableResult
    static func pinAndCheck(_ context: ExperimentContext, engine: FindingsEngine, studies: [Study]) throws -> [ExperimentModel] {
        let current = try applicable(engine: engine, studies: studies)
        var pinned = try context.ledger.experimentModels(context.design.name)
        if pinned.isEmpty && !current.isEmpty {
            pinned = try context.ledger.pinExperimentModels(
                context.design.name, current.map { ExperimentModel(model: $0.fingerprint, task: $0.entry.card.task.rawValue) })
        }
        for p in pinned {
            guard let now = current.first(where: { $0.entry.card.name == p.model.name }) else {
                throw ExperimentCommandError.invalid(
                    field: "model \(p.model.name)",
                    problem: "experiment \(context.design.name) was prepared with \(p.model.summary), which is not installed here; reading stops")
            }
            if now.fingerprint != p.model {
                throw ExperimentCommandError.modelChanged(experiment: context.design.name, pinned: p.model, now: now.fingerprint,
                                                          folder: now.entry.folder)
            }
        }
        for c in current where !pinned.contains(where: { $0.model.name == c.entry.card.name }) {
            throw ExperimentCommandError.invalid(
                field: "model \(c.entry.card.name)",
                problem: "is installed but experiment \(context.design.name) was prepared without it; remove it from the model path to read")
        }
        return pinned
    }
}
