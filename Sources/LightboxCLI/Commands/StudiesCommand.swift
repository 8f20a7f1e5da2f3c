import ArgumentParser
import Common
import Foundation
import Worklist

/// `lightbox studies`: the library as a table or JSON, broken studies included.
struct StudiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "studies",
        abstract: "List the studies of a library (broken ones with the file and field at fault).")

    @Option(name: .long, help: "The study library folder.")
    var library: String = "SampleStudies"

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        try reportingErrors {
            let lib = try StudyLibrary.load(root: library)
            if json {
                let rows: [[String: Any]] = lib.entries.map { entry in
                    switch entry {
                    case .study(let s):
                        let m = s.manifest
                        return ["id": m.id, "kind": m.kind.rawValue, "modality": m.modality, "bodyPart": m.bodyPart,
                                "sex": m.patient.sex.rawValue, "ageMonths": m.patient.ageMonths as Any? ?? NSNull(),
                                "images": s.images.count, "folder": entry.folderName, "status": "ok"]
                    case .broken(_, let message):
                        return ["folder": entry.folderName, "status": "broken", "error": message]
                    }
                }
                let data = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
                print(String(decoding: data, as: UTF8.self))
            } else {
                // The id column fits the longest id (phantom ids are 29 characters), so columns line up.
                let idWidth = lib.entries.map { entry -> Int in
                    if case .study(let s) = entry { return s.manifest.id.count } else { return entry.folderName.count }
                }.reduce(18, max)
                print(pad("ID", idWidth), "KIND       MODALITY BODY PART  SEX AGE(mo) IMAGES")
                for entry in lib.entries {
                    switch entry {
                    case .study(let s):
                        let m = s.manifest
                        print(pad(m.id, idWidth), pad(m.kind.rawValue, 10), pad(m.modality, 8), pad(m.bodyPart, 10),
                              pad(m.patient.sex.rawValue, 3), pad(m.patient.ageMonths.map(String.init) ?? "?", 7), s.images.count)
                    case .broken(_, let message):
                        print(pad(entry.folderName, idWidth), "BROKEN", message)
                    }
                }
                let broken = lib.entries.count - lib.studies.count
                print("\(lib.studies.count) studies\(broken > 0 ? ", \(broken) broken" : "")")
            }
        }
    }

    private func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
}
