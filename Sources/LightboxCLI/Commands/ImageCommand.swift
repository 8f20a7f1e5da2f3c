import ArgumentParser

/// `lightbox image ...`: inspect PNG and DICOM images.
struct ImageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "image",
        abstract: "Inspect PNG and DICOM images.",
        subcommands: [ImageInfoCommand.self, ImageShowCommand.self, ImageBenchCommand.self]
    )
}
