import Common
import DICOM
import Foundation
import Imaging

/// Lists the regular files under the inputs, sorted, hidden files left out.
enum ImportScanner {
    static func files(in inputs: [String]) throws -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for input in inputs {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDir) else {
                throw ImportError(coordinates: input, problem: "no such file or folder")
            }
            guard isDir.boolValue else { out.append(input); continue }
            guard let walker = fm.enumerator(atPath: input) else { continue }
            for case let relative as String in walker {
                if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                let path = (input as NSString).appendingPathComponent(relative)
                if fm.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue { out.append(path) }
            }
        }
        return out.sorted()
    }
}

/// Decodes every file, groups them into studies and series, and records skips with reasons.
struct ImportPlanner {
    let key: [UInt8]
    let pngKind: String?
    let pngBodyPart: String?
    /// PNG files carry no modality or patient sex; without these a model card that applies to CR/DX
    /// radiographs does not run on them, and bone age has no sex to read against.
    let pngModality: String
    let pngSex: String

    /// What grouping and study.json need from a DICOM file (not its bytes).
    private struct DicomImage {
        var path: String
        var instance: Int
        var series: String
        var seriesNumber: String
        var values: [Tag: String]
    }

    private static let keptTags: [Tag] = [.patientID, .patientSex, .patientAge, .patientBirthDate, .studyDate, .modality,
                                          .bodyPartExamined, .seriesDescription, .viewPosition]

    private var dicomByStudy: [String: [DicomImage]] = [:]
    private var pngByFolder: [String: [String]] = [:]
    private(set) var skipped: [(String, String)] = []

    init(key: [UInt8], pngKind: String?, pngBodyPart: String?, pngModality: String = "OT", pngSex: String = "O") {
        self.key = key
        self.pngKind = pngKind
        self.pngBodyPart = pngBodyPart
        self.pngModality = pngModality
        self.pngSex = pngSex
    }

    mutating func add(_ path: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            skipped.append((path, "cannot read the file")); return
        }
        let bytes = [UInt8](data)
        do {
            switch ImageLoader.kind(of: bytes) {
            case .png:
                _ = try PNGCodec.decode(bytes, file: path)
                pngByFolder[(path as NSString).deletingLastPathComponent, default: []].append(path)
            case .dicom:
                let file = try DICOMReader.read(bytes, file: path)
                guard let study = file.dataSet.string(.studyInstanceUID), !study.isEmpty else {
                    skipped.append((path, "no Study Instance UID (0020,000D)")); return
                }
                let ds = file.dataSet
                // Only what the reading room reads: say what a file is when it is not that.
                if case .failure(let unsupported) = ImportStudy.kind(bodyPart: ds.string(.bodyPartExamined) ?? "", modality: ds.string(.modality) ?? "") {
                    skipped.append((path, unsupported.description)); return
                }
                _ = try PixelBuffer(dicom: file)  // refuse files whose pixels we cannot show
                // The copy is made at write time; check now that it can be made.
                let (blank, drop) = ImportStudy.scrub(file, replacing: [.patientName: "P", .patientID: "P", .patientBirthDate: ""])
                _ = try file.rewritten(replacing: blank, removing: drop)
                var values: [Tag: String] = [:]
                for tag in Self.keptTags { values[tag] = ds.string(tag) }
                dicomByStudy[study, default: []].append(DicomImage(
                    path: path, instance: (try? ds.int(.instanceNumber)) ?? Int.max,
                    series: ds.string(.seriesInstanceUID) ?? "", seriesNumber: ds.string(.seriesNumber) ?? "", values: values))
            case nil:
                skipped.append((path, "neither PNG nor DICOM"))
            }
        } catch {
            skipped.append((path, UserMessage.text(for: error).replacingOccurrences(of: "\(path): ", with: "")))
        }
    }

    func pseudonym(_ prefix: String, _ value: String) -> String {
        prefix + String(SHA256.hash(key + Array(value.utf8)).prefix(10))
    }

    struct Plan {
        var studies: [ImportStudy]
        var skipped: [(String, String)]
    }

    func finish(existing: Set<String>) -> Plan {
        var studies: [ImportStudy] = []
        var skipped = self.skipped
        for (uid, images) in dicomByStudy.sorted(by: { $0.key < $1.key }) {
            let id = pseudonym("S", uid)
            if existing.contains(id) {
                for image in images { skipped.append((image.path, "study already in the library as \(id)")) }
                continue
            }
            let first = images[0].values
            let patientID = first[.patientID] ?? ""
            let pseudoId = pseudonym("P", patientID.isEmpty ? uid : patientID)
            let bySeries = Dictionary(grouping: images) { $0.series }
            let ordered = bySeries.values.sorted { a, b in
                let (x, y) = (a[0].seriesNumber, b[0].seriesNumber)
                return (Int(x) ?? Int.max, a[0].series) < (Int(y) ?? Int.max, b[0].series)
            }
            let series: [ImportStudy.Series] = ordered.enumerated().map { n, members in
                let sorted = members.sorted { ($0.instance, $0.path) < ($1.instance, $1.path) }
                return .init(id: String(n + 1), description: sorted[0].values[.seriesDescription] ?? "",
                             view: sorted[0].values[.viewPosition] ?? "", images: sorted.map { ($0.path, "dcm") })
            }
            let bodyPart = (first[.bodyPartExamined] ?? "").uppercased()
            let sex = first[.patientSex] ?? ""
            // add() admitted only files whose kind is known.
            guard case .success(let kind) = ImportStudy.kind(bodyPart: bodyPart, modality: first[.modality] ?? "") else { continue }
            var study = ImportStudy(
                id: id, kind: kind, modality: first[.modality] ?? "OT",
                bodyPart: bodyPart.isEmpty ? "UNKNOWN" : bodyPart, pseudoId: pseudoId,
                sex: ["F", "M"].contains(sex) ? sex : "O",
                ageMonths: PatientAge.months(age: first[.patientAge], birthDate: first[.patientBirthDate], studyDate: first[.studyDate]),
                series: series)
            study.replacements = [.patientName: pseudoId, .patientID: pseudoId, .patientBirthDate: ""]
            studies.append(study)
        }
        for (folder, images) in pngByFolder.sorted(by: { $0.key < $1.key }) {
            let id = pseudonym("S", "png:" + (folder as NSString).standardizingPath)
            if existing.contains(id) {
                for path in images { skipped.append((path, "study already in the library as \(id)")) }
                continue
            }
            let name = (folder as NSString).lastPathComponent
            let guessedPart = pngBodyPart ?? Self.bodyPart(fromFolder: name)
            let kind: String
            if let pngKind {
                kind = pngKind
            } else if case .success(let guessed) = ImportStudy.kind(bodyPart: guessedPart, modality: "OT") {
                kind = guessed
            } else {
                for path in images { skipped.append((path, "PNG folder \(name) does not say hand, extremity or spine; pass --kind and --body-part")) }
                continue
            }
            studies.append(ImportStudy(
                id: id, kind: kind, modality: pngModality, bodyPart: guessedPart,
                pseudoId: pseudonym("P", "png:" + folder), sex: pngSex, ageMonths: nil,
                series: [.init(id: "1", description: name, view: "", images: images.map { ($0, "png") })]))
        }
        return Plan(studies: studies, skipped: skipped)
    }

    static func bodyPart(fromFolder name: String) -> String {
        let n = name.uppercased()
        for part in ["HAND", "WRIST", "FINGER", "ELBOW", "FOREARM", "HUMERUS", "SHOULDER", "KNEE", "ANKLE", "FOOT", "HIP", "SPINE", "LUMBAR"]
        where n.contains(part) {
            return part == "LUMBAR" ? "LSPINE" : part
        }
        return "UNKNOWN"
    }
}

/// Writes studies atomically per study: assembled under a temporary folder in the
/// library, then renamed into place; any failure removes the temporary folder.
enum ImportWriter {
    static let keyFile = ".lightbox-pseudonym-key"

    static func pseudonymKey(library: String) throws -> [UInt8] {
        let fm = FileManager.default
        let path = (library as NSString).appendingPathComponent(keyFile)
        if let data = fm.contents(atPath: path), data.count >= 16 { return [UInt8](data) }
        do {
            try fm.createDirectory(atPath: library, withIntermediateDirectories: true)
        } catch {
            throw ImportError(coordinates: library, problem: "cannot create the library folder")
        }
        var rng = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        guard fm.createFile(atPath: path, contents: Data(key), attributes: [.posixPermissions: 0o600]) else {
            throw ImportError(coordinates: path, problem: "cannot write the pseudonym key")
        }
        return key
    }

    static func existingStudies(library: String) -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: library))?.filter { !$0.hasPrefix(".") } ?? [])
    }

    static func write(_ studies: [ImportStudy], library: String) throws {
        guard !studies.isEmpty else { return }
        let fm = FileManager.default
        let temp = (library as NSString).appendingPathComponent(".import-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try fm.createDirectory(atPath: temp, withIntermediateDirectories: true)
            for study in studies {
                let dir = (temp as NSString).appendingPathComponent(study.id)
                try fm.createDirectory(atPath: (dir as NSString).appendingPathComponent("images"), withIntermediateDirectories: true)
                for (name, source, ext) in study.files {
                    let bytes = try study.bytes(source: source, ext: ext)
                    try Data(bytes).write(to: URL(fileURLWithPath: (dir as NSString).appendingPathComponent(name)))
                }
                try study.json().write(to: URL(fileURLWithPath: (dir as NSString).appendingPathComponent("study.json")))
            }
            for study in studies {
                try fm.moveItem(atPath: (temp as NSString).appendingPathComponent(study.id),
                                toPath: (library as NSString).appendingPathComponent(study.id))
            }
            try fm.removeItem(atPath: temp)
        } catch {
            // Nothing half-written stays in the library: remove the temporary folder and any study moved in this run.
            try? fm.removeItem(atPath: temp)
            for study in studies { try? fm.removeItem(atPath: (library as NSString).appendingPathComponent(study.id)) }
            throw ImportError(coordinates: library, problem: "import abandoned, nothing written: \(UserMessage.text(for: error))")
        }
    }
}
