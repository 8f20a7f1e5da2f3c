import ArgumentParser

@main
struct Lightbox: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lightbox",
        abstract: "A terminal reading room for musculoskeletal radiology.",
        discussion: """
        With no command, opens the reading room (`lightbox read`). AI findings come from models \
        trained on phantoms — not for clinical use.
        """,
        version: "0.1.0",
        subcommands: [
            ReadCommand.self,
            StudiesCommand.self,
            DoctorCommand.self,
            VerifyCommand.self,
            AnalyzeCommand.self,
            PowerCommand.self,
            ImageCommand.self,
            DicomCommand.self,
            ImageImportCommand.self,
            OnnxCommand.self,
            InferCommand.self,
            ModelsCommand.self,
        ],
        defaultSubcommand: ReadCommand.self
    )
}
