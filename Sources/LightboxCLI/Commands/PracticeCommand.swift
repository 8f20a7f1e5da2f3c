import ArgumentParser

/// `lightbox practice`: the trainee's reading loop (the default) and `practice review`.
struct PracticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Trainee practice: read unaided, then compare your read with the model and the reference.",
        subcommands: [PracticeReadCommand.self, PracticeReviewCommand.self],
        defaultSubcommand: PracticeReadCommand.self
    )
}
