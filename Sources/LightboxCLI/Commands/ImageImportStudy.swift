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
        let (blank, drop) = Self.scrub(file, replacing: replacements)
        return try file.rewritten(replacing: blank, removing: drop)
    }

    /// What to blank and what to drop in a copy: the given replacements where the element is text;
    /// every other identifying attribute blanked (text) or dropped. An identifying element that is not
    /// text — a sequence, or a value of VR UN (an implicit-VR private dictionary, or a converter that
    /// did not know the tag) — is dropped whole rather than refusing the file (QA defect 6).
    static func scrub(_ file: DICOMFile, replacing replacements: [Tag: String]) -> (blank: [Tag: String], drop: Set<Tag>) {
        var blank: [Tag: String] = [:]
        var drop: Set<Tag> = []
        for element in file.dataSet.elements where Tag.identifying.contains(element.tag) || replacements[element.tag] != nil {
            let isText: Bool
            if case .bytes = element.content, element.vr.isText { isText = true } else { isText = false }
            if isText {
                blank[element.tag] = replacements[element.tag] ?? ""
            } else {
                drop.insert(element.tag)
            }
        }
        // An identifying value nested in a sequence that is not itself on the list (an AccessionNumber
        // inside a RequestAttributesSequence, say) cannot be blanked in place without re-encoding the
        // item lengths; the reading room needs no such sequence, so the whole sequence goes.
        for element in file.dataSet.elements where drop.contains(element.tag) == false && blank[element.tag] == nil {
            if let items = element.items, items.contains(where: Self.carriesIdentifier) { drop.insert(element.tag) }
        }
        return (blank, drop)
    }

    /// Whether an item holds an identifying attribute at any depth.
    static func carriesIdentifier(_ item: DataSet) -> Bool {
        item.elements.contains { Tag.identifying.contains($0.tag) || ($0.items?.contains(where: carriesIdentifier) ?? false) }
    }

    /// The Lightbox kind of a study, or why it is not one: Lightbox reads hand and extremity
    /// radiographs and lumbar spines (radiograph or MR). Anything else — an MR abdomen, a CT head,
    /// an RT dose, a segmentation, an ultrasound — used to be imported as "extremity" (QA defect 6).
    /// Body parts are DICOM's defined terms (PS3.16 Annex L) plus the spellings seen in practice.
    static func kind(bodyPart: String, modality: String) -> Result<String, Unsupported> {
        let b = bodyPart.uppercased().filter { $0.isLetter }
        let m = modality.uppercased()
        let described = "\(m.isEmpty ? "(no modality)" : m) \(b.isEmpty ? "(no body part)" : bodyPart.uppercased())"
        let radiograph: Set<String> = ["CR", "DX", "RG", "DR", "OT"]
        let kind: String
        if ["HAND", "FINGER", "THUMB", "CARPUS"].contains(where: { b.contains($0) }) {
            kind = "hand"
        } else if ["CSPINE", "TSPINE", "CERVICAL", "THORACIC", "NECK"].contains(where: { b.contains($0) }) {
            return .failure(Unsupported(description: "\(described): Lightbox reads the lumbar spine only"))
        } else if b == "SPINE" || ["LSPINE", "LUMBAR", "SACRUM", "SSPINE", "LSSPINE"].contains(where: { b.contains($0) }) {
            kind = "spine"
        } else if ["WRIST", "ELBOW", "FOREARM", "ARM", "HUMERUS", "SHOULDER", "CLAVICLE", "SCAPULA", "KNEE", "PATELLA", "ANKLE",
                   "FOOT", "TOE", "HEEL", "CALCANEUS", "HIP", "LEG", "TIBIA", "FIBULA", "FEMUR", "THIGH", "EXTREMITY", "EXM"]
            .contains(where: { b.contains($0) }) {
            kind = "extremity"
        } else {
            return .failure(Unsupported(description: "\(described): not a hand, extremity or lumbar spine study"))
        }
        let allowed = kind == "spine" ? radiograph.union(["MR"]) : radiograph
        guard allowed.contains(m) else {
            let wanted = kind == "spine" ? "radiographs or MR" : "radiographs (CR, DX)"
            return .failure(Unsupported(description: "\(described): Lightbox reads \(kind) \(wanted) only"))
        }
        return .success(kind)
    }

    struct Unsupported: Error { var description: String }
}
