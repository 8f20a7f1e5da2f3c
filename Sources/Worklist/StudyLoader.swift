import Common
import Foundation

/// Reads and validates one study folder.
public enum StudyLoader {
    public static let manifestName = "study.json"

    public static func load(folder: String) throws -> Study {
        let file = (folder as NSString).appendingPathComponent(manifestName)
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw WorklistError.unreadable(file: file, reason: FileManager.default.fileExists(atPath: file)
                ? "permission denied or not a regular file" : "file does not exist")
        }
        let manifest = try decode(data, file: file)
        try validate(manifest, file: file)
        var images: [Study.Image] = []
        let root = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        for (si, series) in manifest.series.enumerated() {
            for (ii, rel) in series.images.enumerated() {
                let field = "series[\(si)].images[\(ii)]"
                if rel.hasPrefix("/") || rel.split(separator: "/").contains("..") || rel.isEmpty {
                    throw WorklistError.imageOutsideStudy(file: file, field: field, path: rel)
                }
                let abs = (folder as NSString).appendingPathComponent(rel)
                guard FileManager.default.fileExists(atPath: abs) else {
                    throw WorklistError.imageMissing(file: file, field: field, path: rel)
                }
                // A symlink may not lead out of the study folder either.
                let resolved = URL(fileURLWithPath: abs).standardizedFileURL.resolvingSymlinksInPath().path
                guard resolved.hasPrefix(root + "/") else {
                    throw WorklistError.imageOutsideStudy(file: file, field: field, path: rel)
                }
                images.append(Study.Image(seriesIndex: si, seriesId: series.id, view: series.view, path: abs))
            }
        }
        return Study(folder: folder, manifest: manifest, images: images)
    }

    static func decode(_ data: Data, file: String) throws -> StudyManifest {
        do {
            return try JSONDecoder().decode(StudyManifest.self, from: data)
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw WorklistError.malformed(file: file, field: DecodingText.fieldPath(ctx.codingPath + [key]), reason: "required field is missing")
        } catch let DecodingError.typeMismatch(type, ctx) {
            throw WorklistError.malformed(file: file, field: DecodingText.fieldPath(ctx.codingPath), reason: "expected \(DecodingText.describe(type))")
        } catch let DecodingError.valueNotFound(type, ctx) {
            throw WorklistError.malformed(file: file, field: DecodingText.fieldPath(ctx.codingPath), reason: "expected \(DecodingText.describe(type)), found null")
        } catch let DecodingError.dataCorrupted(ctx) {
            if ctx.codingPath.isEmpty { throw undecodable(data, file: file) }
            throw WorklistError.malformed(file: file, field: DecodingText.fieldPath(ctx.codingPath), reason: allowedValues(ctx.codingPath) ?? "invalid value")
        } catch {
            throw WorklistError.malformed(file: file, field: "", reason: "not valid JSON")
        }
    }

    /// Foundation's JSONDecoder (Swift 6.3 on Linux) reports a syntax error and a
    /// number that does not fit an `Int` alike: "not valid JSON", no path, no
    /// offset. JSONSerialization tells them apart and says where the syntax fails.
    static func undecodable(_ data: Data, file: String) -> WorklistError {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            var detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
            while detail.last == "." { detail.removeLast() }
            if let first = detail.first { detail = first.lowercased() + detail.dropFirst() }
            return .malformed(file: file, field: "", reason: detail.isEmpty ? "not valid JSON" : "not valid JSON (\(detail))")
        }
        let root = object as? [String: Any]
        let wholeNumbers: [(String, Any?)] = [
            ("formatVersion", root?["formatVersion"]),
            ("patient.ageMonths", (root?["patient"] as? [String: Any])?["ageMonths"]),
        ]
        for (field, value) in wholeNumbers {
            if let n = value as? NSNumber, Int(exactly: n.doubleValue) == nil || n.stringValue.contains(".") {
                return .malformed(file: file, field: field, reason: "expected a whole number, found \(n.stringValue)")
            }
        }
        return .malformed(file: file, field: "", reason: "a number does not fit its field")
    }

    static func validate(_ m: StudyManifest, file: String) throws {
        if m.formatVersion != StudyManifest.currentFormatVersion {
            throw WorklistError.malformed(file: file, field: "formatVersion",
                                          reason: "version \(m.formatVersion) is not supported (expected \(StudyManifest.currentFormatVersion))")
        }
        if m.id.isEmpty || m.id.contains(where: { $0.isNewline }) {
            throw WorklistError.malformed(file: file, field: "id", reason: "must be a non-empty single line")
        }
        if let age = m.patient.ageMonths, !(0...1500).contains(age) {
            throw WorklistError.malformed(file: file, field: "patient.ageMonths", reason: "\(age) is not an age in months (0…1500)")
        }
        for (i, s) in m.series.enumerated() {
            if let sp = s.pixelSpacing, sp.count != 2 || sp.contains(where: { !($0 > 0 && $0 < 100) }) {
                throw WorklistError.malformed(file: file, field: "series[\(i)].pixelSpacing", reason: "expected [row, column] in mm, each above 0 and below 100")
            }
            if (s.windowCenter == nil) != (s.windowWidth == nil) || (s.windowWidth.map { !($0 > 0) } ?? false) {
                throw WorklistError.malformed(file: file, field: "series[\(i)].windowWidth", reason: "a window needs both windowCenter and a positive windowWidth")
            }
        }
        if m.series.isEmpty || m.imageCount == 0 {
            throw WorklistError.malformed(file: file, field: "series", reason: "the study lists no images")
        }
    }


    private static func allowedValues(_ keys: [any CodingKey]) -> String? {
        switch keys.last?.stringValue {
        case "kind": return "must be one of " + StudyKind.allCases.map(\.rawValue).joined(separator: ", ")
        case "sex": return "must be F, M or O"
        default: return nil
        }
    }
}
