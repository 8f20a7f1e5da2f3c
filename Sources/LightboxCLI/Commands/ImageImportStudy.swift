import DICOM
import Foundation

/// One study to be written as a study folder (`study.json` + `images/`).
struct ImportStudy {
    struct Series {
        var id: String
        var description: String
        var view: String
        /// Source files in display order; their bytes are produced when the study is written,
        /// so an import of thousands of files holds one file in memory at a time.
        var images: [(source: String, ext: String)]
    }

    var id: String
    var kind: String
    var modality: String
    var bodyPart: String
    var pseudoId: String
    var sex: String
    var ageMonths: Int?
    var series: [Series]
    /// Top-level DICOM text values replaced in every copied DICOM file.
    var replacements: [Tag: String] = [:]

    /// study.json, format version 1 (the reading screen's contract).
    func json() throws -> Data {
        var imageIndex = 0
        let seriesJSON: [[String: Any]] = series.map { s in
            let names: [String] = s.images.map { image in
                imageIndex += 1
                return "images/\(imageIndex).\(image.ext)"
            }
            return ["id": s.id, "description": s.description, "view": s.view, "images": names]
        }
        var patient: [String: Any] = ["pseudoId": pseudoId, "sex": sex]
        if let ageMonths { patient["ageMonths"] = ageMonths }
        let object: [String: Any] = ["formatVersion": 1, "id": id, "kind": kind, "modality": modality, "bodyPart": bodyPart,
                                     "patient": patient, "series": seriesJSON]
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// Files in the order `json()` names them, with their sources.
    var files: [(name: String, source: String, ext: String)] {
        var index = 0
        return series.flatMap { s in
            s.images.map { image in
                index += 1
                return ("images/\(index).\(image.ext)", image.source, image.ext)
            }
        }
    }

    /// The bytes to write for one source: DICOM pseudonymised, PNG as is.
    func bytes(source: String, ext: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw ImportError(coordinates: source, problem: "cannot read the file any more")
        }
        guard ext == "dcm" else { return [UInt8](data) }
        let file = try DICOMReader.read([UInt8](data), file: source)
        // Every other identifying attribute is blanked (text) or dropped (sequences and the rest).
        var blank = replacements
        var drop: Set<Tag> = []
        for element in file.dataSet.elements where Tag.identifying.contains(element.tag) && blank[element.tag] == nil {
            if case .bytes = element.content, element.vr.isText { blank[element.tag] = "" } else { drop.insert(element.tag) }
        }
        return try file.rewritten(replacing: blank, removing: drop)
    }

    static func kind(bodyPart: String) -> String {
        let b = bodyPart.uppercased()
        if b.contains("SPINE") || b.contains("LUMBAR") || b == "LSPINE" || b.contains("SACRUM") { return "spine" }
        if b.contains("HAND") || b.contains("FINGER") || b.contains("CARPUS") { return "hand" }
        return "extremity"
    }
}
