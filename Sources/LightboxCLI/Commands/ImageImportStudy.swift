import DICOM
import Foundation

/// One study to be written as a study folder (`study.json` + `images/`).
struct ImportStudy {
    struct Series {
        var id: String
        var description: String
        var view: String
        /// Source files in display order with the bytes to write.
        var images: [(source: String, bytes: [UInt8], ext: String)]
    }

    var id: String
    var kind: String
    var modality: String
    var bodyPart: String
    var pseudoId: String
    var sex: String
    var ageMonths: Int?
    var series: [Series]

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

    /// Files in the order `json()` names them.
    var files: [(name: String, bytes: [UInt8])] {
        var index = 0
        return series.flatMap { s in
            s.images.map { image in
                index += 1
                return ("images/\(index).\(image.ext)", image.bytes)
            }
        }
    }

    static func kind(bodyPart: String) -> String {
        let b = bodyPart.uppercased()
        if b.contains("SPINE") || b.contains("LUMBAR") || b == "LSPINE" || b.contains("SACRUM") { return "spine" }
        if b.contains("HAND") || b.contains("FINGER") || b.contains("CARPUS") { return "hand" }
        return "extremity"
    }
}
