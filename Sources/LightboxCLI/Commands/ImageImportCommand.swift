import ArgumentParser
import Common
import DICOM
import Foundation
import Imaging

/// `lightbox import DIR... --library OUT`: DICOM grouped by Study Instance UID and PNG by
/// folder into study folders, patient name and ID replaced by a pseudonym.
struct ImageImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import DICOM and PNG files into a study library (pseudonymised).",
        discussion: """
        DICOM files are grouped into studies by Study Instance UID and into series by Series Instance UID; \
        PNG files by folder. Patient name and ID become a pseudonym keyed by a secret kept in the library \
        (.lightbox-pseudonym-key), so a patient keeps one pseudonym within a library; birth date is removed, \
        age and sex kept. Every image is decoded before anything is written; studies are assembled in a \
        temporary folder inside the library and moved into place only when complete.
        """
    )

    @Argument(help: "Folders (searched recursively) or files to import.") var inputs: [String]
    @Option(help: "The study library folder (created if missing).") var library: String
    @Option(help: "Study kind for PNG folders: hand, extremity or spine (default: guessed from the folder name).")
    var kind: String?
    @Option(help: "Body part for PNG folders, e.g. HAND, WRIST, LSPINE (default: guessed from the folder name).")
    var bodyPart: String?
    @Option(help: "Modality for PNG folders: CR, DX, MR, CT or OT (default OT). Models state the modalities they apply to (radiograph models: CR, DX).")
    var modality: String = "OT"
    @Option(help: "Patient sex for PNG folders: F, M or O (default O, unknown; bone age is then read without a sex-specific standard).")
    var sex: String = "O"

    func run() throws {
        try reportingErrors {
            if let kind, !["hand", "extremity", "spine"].contains(kind) {
                throw ImportError(coordinates: "--kind", problem: "must be hand, extremity or spine, not \(kind)")
            }
            guard ["CR", "DX", "MR", "CT", "OT"].contains(modality) else {
                throw ImportError(coordinates: "--modality", problem: "must be CR, DX, MR, CT or OT, not \(modality)")
            }
            guard ["F", "M", "O"].contains(sex) else {
                throw ImportError(coordinates: "--sex", problem: "must be F, M or O, not \(sex)")
            }
            let files = try ImportScanner.files(in: inputs)
            let key = try ImportWriter.pseudonymKey(library: library)
            var planner = ImportPlanner(key: key, pngKind: kind, pngBodyPart: bodyPart, pngModality: modality, pngSex: sex)
            let progress = ProgressBar(total: files.count)
            for (i, path) in files.enumerated() {
                planner.add(path)
                progress.update(i + 1)
            }
            progress.finish()
            let plan = planner.finish(existing: ImportWriter.existingStudies(library: library))
            try ImportWriter.write(plan.studies, library: library)
            let imported = plan.studies.reduce(0) { $0 + $1.files.count }
            print("imported \(imported) image\(imported == 1 ? "" : "s") into \(plan.studies.count) stud\(plan.studies.count == 1 ? "y" : "ies") in \(library)")
            for s in plan.studies { print("  \(s.id): \(s.kind) \(s.modality) \(s.bodyPart), \(s.files.count) image\(s.files.count == 1 ? "" : "s")") }
            print("skipped \(plan.skipped.count) file\(plan.skipped.count == 1 ? "" : "s")\(plan.skipped.isEmpty ? "" : ":")")
            for (path, reason) in plan.skipped { print("  \(path): \(reason)") }
        }
    }
}

struct ImportError: UserFacingError {
    var coordinates: String
    var problem: String
}
