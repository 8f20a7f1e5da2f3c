import Common
import Foundation
import Imaging
import Phantoms

/// Writes one phantom study folder atomically: everything goes into `.<id>.partial`, which is
/// renamed to `<id>` only when complete.
struct PhantomStudyWriter: Sendable {
    var root: URL

    func write(_ study: PhantomStudy) throws {
        let fm = FileManager.default
        let final = root.appendingPathComponent(study.id)
        if fm.fileExists(atPath: final.path) {
            throw CLIFileError(path: final.path, problem: "study folder already exists (choose another --out or --seed)")
        }
        let temp = root.appendingPathComponent(".\(study.id).partial")
        try? fm.removeItem(at: temp)
        do {
            try fm.createDirectory(at: temp, withIntermediateDirectories: true)
            for image in study.images {
                let png = try PNGCodec.encodeGrey16(width: image.width, height: image.height, samples: image.samples)
                let url = temp.appendingPathComponent(image.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(png).write(to: url)
            }
            try Data(study.studyJSON()).write(to: temp.appendingPathComponent("study.json"))
            try Data(study.referenceJSON()).write(to: temp.appendingPathComponent("reference.json"))
            try fm.moveItem(at: temp, to: final)
        } catch let error as CLIFileError {
            try? fm.removeItem(at: temp)
            throw error
        } catch {
            try? fm.removeItem(at: temp)
            throw CLIFileError(path: final.path, problem: "could not write the study (\(Self.reason(error)))")
        }
    }

    private static func reason(_ error: Error) -> String {
        if let e = error as? UserFacingError { return e.problem }
        return (error as NSError).localizedDescription
    }
}
