import ArgumentParser
import DICOM
import Foundation

/// `lightbox dicom dump FILE`: every element, one line each.
struct DicomDumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print every element: tag, VR, keyword, value (sequences indented, pixel data summarised)."
    )

    @Argument(help: "A DICOM file.") var file: String

    func run() throws {
        try reportingErrors {
            let dicom = try DICOMReader.read(try ImageFiles.bytes(file), file: file)
            var lines: [String] = []
            lines.append("# transfer syntax: \(dicom.transferSyntax.uid) (\(dicom.transferSyntax.name))\(dicom.transferSyntaxWasInferred ? ", inferred" : "")")
            DicomDump.lines(dicom.meta, depth: 0, into: &lines)
            DicomDump.lines(dicom.dataSet, depth: 0, into: &lines)
            print(lines.joined(separator: "\n"))
        }
    }
}
