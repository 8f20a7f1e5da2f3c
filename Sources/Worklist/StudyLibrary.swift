import Common
import Foundation

/// A folder of study folders. Loading never fails because of one bad study:
/// it is listed as broken with its file and field.
public struct StudyLibrary: Sendable {
    public var root: String
    public var entries: [LibraryEntry]

    public var studies: [Study] {
        entries.compactMap { if case .study(let s) = $0 { return s } else { return nil } }
    }

    public static func load(root: String) throws -> StudyLibrary {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir) else {
            throw WorklistError.libraryMissing(path: root)
        }
        guard isDir.boolValue else { throw WorklistError.libraryNotAFolder(path: root) }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        var entries: [LibraryEntry] = []
        var seen: [String: String] = [:]
        for name in names.sorted() where !name.hasPrefix(".") {
            let folder = (root as NSString).appendingPathComponent(name)
            var d: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &d), d.boolValue else { continue }
            do {
                let study = try StudyLoader.load(folder: folder)
                if let other = seen[study.id] {
                    throw WorklistError.duplicateStudyId(
                        file: (folder as NSString).appendingPathComponent(StudyLoader.manifestName), id: study.id, other: other)
                }
                seen[study.id] = name
                entries.append(.study(study))
            } catch {
                entries.append(.broken(folder: folder, message: UserMessage.text(for: error)))
            }
        }
        return StudyLibrary(root: root, entries: entries)
    }
}
