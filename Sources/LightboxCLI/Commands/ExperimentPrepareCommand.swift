import ArgumentParser
import Findings
import Foundation
import ReadingApp
import Worklist

/// `lightbox experiment prepare NAME`: runs every applicable model on every
/// case once and pins the results and the models' fingerprints in the ledger,
/// so readers are shown stored results and a changed model stops reading.
struct ExperimentPrepareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare",
        abstract: "Compute and pin the AI results of every case, and the models' SHA-256, before reading starts.",
        discussion: """
        Readers are then shown the stored results, never a fresh inference; if a model file changes \
        afterwards, `read --experiment` stops with the model's name and both hashes. Running it again \
        computes only what is missing. Without it, the experiment's first reader pins the models.
        """
    )

    @Argument(help: "Experiment name.") var name: String
    @Option(help: "The ledger database (default: $XDG_DATA_HOME/lightbox/ledger.sqlite).") var db: String?
    @Option(help: "The study library (default: the one given at create).") var library: String?
    @Option(help: "A folder of model folders (model.onnx + card.json) to use before the installed ones.")
    var models: String?

    func run() throws {
        try reportingErrors {
            let context = try ExperimentContext.open(name: name, db: db, library: library)
            let cases = try context.caseStudies()
            let engine = FindingsEngine(registry: try ModelsSearch.registry(explicit: models.map { [$0] } ?? []),
                                        store: LedgerPinnedResults(ledger: context.ledger))
            let pinned = try ExperimentModels.pinAndCheck(context, engine: engine, studies: cases)
            let before = Set(try context.ledger.aiResults().map(\.id))
            let progress = ProgressBar(total: cases.count, label: "prepare \(name) ")
            var results = 0
            for (i, study) in cases.enumerated() {
                results += try engine.run(study)?.models.count ?? 0
                progress.update(i + 1)
            }
            progress.finish()
            let fresh = try context.ledger.aiResults().filter { !before.contains($0.id) }.count
            print("prepared experiment \(name): \(cases.count) cases, \(results) pinned AI results (\(fresh) computed now, \(results - fresh) already stored)")
            for m in pinned {
                print("  \(m.task): \(m.model.name) \(m.model.version)  model.onnx sha256 \(m.model.modelSHA256)  card.json sha256 \(m.model.cardSHA256)")
            }
            if pinned.isEmpty { print("  no installed model applies to these cases: readers see no AI") }
        }
    }
}
