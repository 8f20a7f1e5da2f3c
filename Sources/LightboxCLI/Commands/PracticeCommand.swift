import ArgumentParser

/// `lightbox practice review`: a trainee's scoreboard and discrepancies. (The
/// practice reading screen itself is wired by the reading room.)
struct PracticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Trainee practice: compare your signed reads with the model and the reference.",
        subcommands: [PracticeReviewCommand.self]
    )
}
