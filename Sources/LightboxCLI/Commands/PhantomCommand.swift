import ArgumentParser

/// `lightbox phantom ...`: procedural studies with exact reference labels.
struct PhantomCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phantom",
        abstract: "Generate synthetic studies (phantoms) with reference labels — not patients.",
        subcommands: [PhantomGenerateCommand.self]
    )
}
