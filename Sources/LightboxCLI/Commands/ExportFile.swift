import Foundation

/// Writes an export atomically: a temporary file in the same folder, then
/// rename(2), so a reader of FILE sees the old or the new export, never half of one.
enum ExportFile {
    static func writeAtomically(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ExperimentCommandError.output(path: path, problem: "the folder \(folder) does not exist")
        }
        let temporary = (folder as NSString).appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw ExperimentCommandError.output(path: path, problem: "cannot write in \(folder)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ExperimentCommandError.output(path: path, problem: "cannot replace the file (\(reason))")
        }
    }

    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let temporary = (folder as NSString).appendingPathComponent(".\(URL(fileURLWithPath: path).lastPathComponent).tmp-\(getpid())")
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw ExperimentCommandError.output(path: path, problem: "cannot write in \(folder)")
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw ExperimentCommandError.output(path: path, problem: "cannot replace the file")
        }
    }
}
