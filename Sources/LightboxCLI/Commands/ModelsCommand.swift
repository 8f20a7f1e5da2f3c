import ArgumentParser

/// `lightbox models list|show|validate`.
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List, describe and validate the AI models (model.onnx + card.json folders).",
        subcommands: [ModelsListCommand.self, ModelsShowCommand.self, ModelsValidateCommand.self],
        defaultSubcommand: ModelsListCommand.self
    )
}
