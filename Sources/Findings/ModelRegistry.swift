import Common
import Foundation

/// The models Lightbox can run: every `<dir>/<name>/{card.json,model.onnx}` under an ordered
/// list of directories. A name found twice keeps its first folder (earlier directories win,
/// so `--models` and `$LIGHTBOX_MODELS` override installed and shipped models). A broken
/// folder never hides the others: it is listed in `problems`.
public struct ModelRegistry: Sendable {
    public var directories: [String]
    public var models: [ModelEntry]
    public var problems: [FindingsError]

    public init(models: [ModelEntry], directories: [String] = [], problems: [FindingsError] = []) {
        self.models = models
        self.directories = directories
        self.problems = problems
    }

    /// Scans `directories` in order. Missing directories are skipped (the defaults usually
    /// do not all exist); a directory given explicitly that is missing is the caller's check.
    public static func discover(directories: [String]) -> ModelRegistry {
        let fm = FileManager.default
        var models: [ModelEntry] = []
        var problems: [FindingsError] = []
        var names = Set<String>()
        func consider(_ folder: String) {
            do {
                let cardPath = folder + "/card.json"
                guard let data = fm.contents(atPath: cardPath) else {
                    throw FindingsError.card(path: cardPath, field: "", problem: "cannot read the file")
                }
                let card = try ModelCard.parse([UInt8](data), path: cardPath)
                guard fm.fileExists(atPath: folder + "/model.onnx") else {
                    throw FindingsError.folder(path: folder, problem: "has card.json but no model.onnx")
                }
                if names.insert(card.name).inserted { models.append(ModelEntry(card: card, folder: folder)) }
            } catch let e as FindingsError {
                problems.append(e)
            } catch {
                problems.append(.folder(path: folder, problem: "\(error)"))
            }
        }
        for dir in directories {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else { continue }
            // A model folder given directly, or a folder of model folders.
            if fm.fileExists(atPath: dir + "/card.json") { consider(dir); continue }
            for name in ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted() where !name.hasPrefix(".") {
                let folder = dir + "/" + name
                var d: ObjCBool = false
                guard fm.fileExists(atPath: folder, isDirectory: &d), d.boolValue,
                      fm.fileExists(atPath: folder + "/card.json") || fm.fileExists(atPath: folder + "/model.onnx") else { continue }
                consider(folder)
            }
        }
        return ModelRegistry(models: models, directories: directories, problems: problems)
    }

    /// The search path, highest precedence first: explicit `--models` folders,
    /// `$LIGHTBOX_MODELS` (colon-separated), `$XDG_DATA_HOME/lightbox/models`
    /// (default `~/.local/share/lightbox/models`), `Models/` in the current directory,
    /// and `Models/` beside the package that built the executable.
    public static func searchPath(explicit: [String], environment: [String: String],
                                  currentDirectory: String, executablePath: String?) -> [String] {
        var dirs = explicit
        if let env = environment["LIGHTBOX_MODELS"] {
            dirs += env.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            dirs.append(xdg + "/lightbox/models")
        } else if let home = environment["HOME"], !home.isEmpty {
            dirs.append(home + "/.local/share/lightbox/models")
        }
        dirs.append(currentDirectory + "/Models")
        if let exe = executablePath, let root = packageRoot(above: exe) { dirs.append(root + "/Models") }
        var seen = Set<String>()
        return dirs.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }
    }

    /// The nearest ancestor folder holding Package.swift (a build inside the source tree).
    static func packageRoot(above path: String) -> String? {
        var url = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        while url.path != "/" && !url.path.isEmpty {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
            url.deleteLastPathComponent()
        }
        return nil
    }

    public func model(named name: String) throws -> ModelEntry {
        guard let m = models.first(where: { $0.card.name == name }) else {
            throw FindingsError.unknownModel(name: name, known: models.map(\.card.name))
        }
        return m
    }

    /// The model to run for each task a study of this kind and modality has: the first
    /// (highest-precedence) applicable model per task.
    public func models(for kind: StudyKind, modality: String) -> [ModelEntry] {
        var chosen: [ModelTask: ModelEntry] = [:]
        for m in models where m.card.applies(kind: kind, modality: modality) && chosen[m.card.task] == nil {
            chosen[m.card.task] = m
        }
        return ModelTask.allCases.compactMap { chosen[$0] }
    }
}
