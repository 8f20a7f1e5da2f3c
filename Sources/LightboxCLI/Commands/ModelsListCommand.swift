import ArgumentParser
import Findings

/// `lightbox models list [--models DIR]`.
struct ModelsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List installed models: name, version, task, what they apply to, folder."
    )

    @Option(name: .customLong("models"), help: "A folder of model folders to search first; repeat to add more.")
    var models: [String] = []

    func run() throws {
        try reportingErrors {
            let registry = try ModelsSearch.registry(explicit: models)
            guard !registry.models.isEmpty else {
                print("no models found; searched: " + registry.directories.joined(separator: ", "))
                return
            }
            let rows = registry.models.map { m -> [String] in
                let c = m.card
                let applies = c.appliesTo.kinds.map(\.rawValue).joined(separator: ",")
                    + (c.appliesTo.modalities.isEmpty ? "" : " (" + c.appliesTo.modalities.joined(separator: ",") + ")")
                return [c.name, c.version, c.task.rawValue, applies, m.folder]
            }
            let header = ["NAME", "VERSION", "TASK", "APPLIES TO", "PATH"]
            let widths = (0..<header.count).map { i in ([header] + rows).map { $0[i].count }.max()! }
            for row in [header] + rows {
                print(zip(row, widths).enumerated().map { $0.offset == row.count - 1 ? $0.element.0 : $0.element.0.padding(toLength: $0.element.1, withPad: " ", startingAt: 0) }
                    .joined(separator: "  "))
            }
            if registry.models.contains(where: \.card.isPhantomTrained) {
                print("\nmodels trained on phantoms — not for clinical use")
            }
        }
    }
}
