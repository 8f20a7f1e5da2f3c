import Common
import Findings
import Foundation

/// The model registry as the CLI builds it: `--models` folders first, then the default
/// search path (ModelRegistry.searchPath). Broken model folders are reported on stderr
/// and skipped, never fatal.
enum ModelsSearch {
    static func registry(explicit: [String], reportProblems: Bool = true) throws -> ModelRegistry {
        for dir in explicit {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
                throw CLIFileError(path: dir, problem: "models folder does not exist")
            }
        }
        let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let dirs = ModelRegistry.searchPath(explicit: explicit, environment: DataPaths.environment,
                                            currentDirectory: FileManager.default.currentDirectoryPath,
                                            executablePath: exe ?? CommandLine.arguments.first)
        let registry = ModelRegistry.discover(directories: dirs)
        if reportProblems {
            for p in registry.problems {
                FileHandle.standardError.write(Data(("lightbox: " + UserMessage.text(for: p) + " (model skipped)\n").utf8))
            }
        }
        return registry
    }
}
