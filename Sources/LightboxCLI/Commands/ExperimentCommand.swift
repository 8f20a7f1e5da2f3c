import ArgumentParser

/// `lightbox experiment create|show|report`: the coordinator's tools for a
/// reader study. None of them is reachable from the reading screen (blinding).
struct ExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiment",
        abstract: "Create, inspect and report reader studies (MRMC, crossover with washout).",
        discussion: """
        Coordinator tools; readers use `lightbox read --experiment NAME`. A debug build (the one the tests run) \
        takes "now" from LIGHTBOX_NOW=2026-03-01T09:00:00Z (ISO 8601) to check a washout in a test or dry run; \
        a release build always uses the system clock.
        """,
        subcommands: [ExperimentCreateCommand.self, ExperimentPrepareCommand.self, ExperimentShowCommand.self, ExperimentReportCommand.self]
    )
}
