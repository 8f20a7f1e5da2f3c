import ArgumentParser

/// `lightbox dicom ...`: DICOM file tools.
struct DicomCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dicom",
        abstract: "DICOM file tools.",
        subcommands: [DicomDumpCommand.self]
    )
}
