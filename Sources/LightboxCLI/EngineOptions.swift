import ArgumentParser
import Findings

/// `--models` and `--threads`, shared by the commands that run models.
struct EngineOptions: ParsableArguments {
    @Option(name: .customLong("models"), help: "A folder of model folders (or one model folder) to search first; repeat to add more.")
    var models: [String] = []

    @Option(help: "Threads for the engine.")
    var threads = 1

    func engine() throws -> FindingsEngine {
        FindingsEngine(registry: try ModelsSearch.registry(explicit: models), threads: threads)
    }
}
