import ArgumentParser
import Foundation
import ReaderStudy

/// `lightbox experiment show NAME`: design, progress per reader and session, washout dates.
struct ExperimentShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an experiment's design, each reader's progress per session and when washouts end."
    )

    @Argument(help: "Experiment name.") var name: String
    @Option(help: "The ledger database (default: $XDG_DATA_HOME/lightbox/ledger.sqlite).") var db: String?

    func run() throws {
        try reportingErrors {
            let clock = try ExperimentClock.fromEnvironment()
            let context = try ExperimentContext.open(name: name, db: db, readOnly: true)
            let completions = context.completions(try context.signedReads())
            print(try ExperimentSummary.text(design: context.design, table: context.table, completions: completions, clock: clock),
                  terminator: "")
            if let library = context.libraryPath { print("library \(library)") }
            let models = try context.ledger.experimentModels(name)
            if models.isEmpty {
                print("models: not pinned yet (`lightbox experiment prepare \(name)`, or the first reader pins them)")
            } else {
                print("models (pinned; readers are shown stored results only):")
                for m in models {
                    print("  \(m.task): \(m.model.name) \(m.model.version)  model.onnx sha256 \(m.model.modelSHA256)  card.json sha256 \(m.model.cardSHA256)")
                }
            }
        }
    }
}
