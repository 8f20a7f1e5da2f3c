import Foundation
import Inference

/// File access for the onnx commands (the Inference module does no I/O).
enum OnnxFiles {
    /// The file's bytes, read straight into one array (a Data + [UInt8] pair would
    /// double the peak memory of loading a large model).
    static func bytes(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CLIFileError(path: path, problem: "cannot open the file") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw CLIFileError(path: path, problem: "not a regular file") }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = read(fd, buffer.baseAddress! + done, size - done)
                if n <= 0 { failed = n < 0; break }
                done += n
            }
            count = done
        }
        guard !failed, bytes.count == size else { throw CLIFileError(path: path, problem: "cannot read the file") }
        return bytes
    }

    static func loadGraph(_ path: String) throws -> Graph {
        do { return try Graph(bytes: try bytes(path)) } catch let e as InferenceError { throw CLIFileError(path: path, problem: "\(e.coordinates): \(e.problem)") }
    }

    /// A tensor from a serialized TensorProto (.pb) or a NumPy file (.npy).
    static func tensor(_ path: String) throws -> Tensor {
        let b = try bytes(path)
        do {
            if path.hasSuffix(".npy") { return try NPY.decode(b) }
            return try TensorProto(bytes: b).tensor
        } catch let e as InferenceError {
            throw CLIFileError(path: path, problem: e.problem)
        }
    }

    /// Inputs from `NAME=FILE` specs; a bare `FILE` feeds the model's only input.
    static func feeds(_ specs: [String], graph: Graph) throws -> [String: Tensor] {
        var feeds: [String: Tensor] = [:]
        for spec in specs {
            if let eq = spec.firstIndex(of: "="), !spec[..<eq].contains("/") {
                feeds[String(spec[..<eq])] = try tensor(String(spec[spec.index(after: eq)...]))
            } else {
                guard graph.inputs.count == 1 else {
                    throw CLIFileError(path: spec, problem: "the model has \(graph.inputs.count) inputs; give NAME=FILE")
                }
                feeds[graph.inputs[0].name] = try tensor(spec)
            }
        }
        for name in feeds.keys where !graph.inputs.contains(where: { $0.name == name }) {
            throw CLIFileError(path: name, problem: "the model has no input of this name (inputs: \(graph.inputs.map(\.name).joined(separator: ", ")))")
        }
        return feeds
    }

    /// Backend-test case directories under `path` (itself, or its subfolders, sorted).
    static func caseDirectories(_ path: String) throws -> [String] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
            throw CLIFileError(path: path, problem: "not a directory")
        }
        if fm.fileExists(atPath: path + "/model.onnx") { return [path] }
        let children = try fm.contentsOfDirectory(atPath: path).sorted()
        let cases = children.map { path + "/" + $0 }.filter { fm.fileExists(atPath: $0 + "/model.onnx") }
        if cases.isEmpty { throw CLIFileError(path: path, problem: "no backend-test case (a folder with model.onnx) here") }
        return cases
    }

    /// Sorted `prefix_N.pb` files of a data set directory, by N.
    static func numbered(_ dir: String, prefix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasPrefix(prefix + "_") && $0.hasSuffix(".pb") }
            .sorted { Int($0.dropFirst(prefix.count + 1).dropLast(3)) ?? 0 < Int($1.dropFirst(prefix.count + 1).dropLast(3)) ?? 0 }
            .map { dir + "/" + $0 }
    }

    static func dataSets(_ caseDir: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: caseDir)) ?? []
        return names.filter { $0.hasPrefix("test_data_set_") }.sorted().map { caseDir + "/" + $0 }
    }
}
