import ArgumentParser
import Foundation
import Inference

/// `lightbox onnx run MODEL --input NAME=FILE ... [--out DIR]`.
struct OnnxRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a model on inputs given as .pb (TensorProto) or .npy files; write outputs as .npy."
    )

    @Argument(help: "The .onnx model.")
    var model: String

    @Option(name: .customLong("input"), help: "NAME=FILE (.pb or .npy), or FILE for a model with one input; repeat for each input.")
    var inputs: [String] = []

    @Option(help: "Directory for the outputs (NAME.npy).")
    var out: String?

    @Option(help: "Kernel variant: auto, generic, avx2 or avx512 (default: $LIGHTBOX_KERNEL_VARIANT, else auto).")
    var variant: String? = nil

    @Option(help: "Threads for the engine.")
    var threads = 1

    func run() throws {
        try reportingErrors {
            let graph = try OnnxFiles.loadGraph(model)
            let feeds = try OnnxFiles.feeds(inputs, graph: graph)
            let session = try Session(graph: consume graph, inputs: feeds, options: .init(threads: threads, variant: try KernelSelection.variant(named: variant)))
            let results = try session.run(feeds)
            if let out { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
            for name in session.bound.outputs {
                guard let t = results[name] else { continue }
                print("\(name) \(t.shape.map(String.init).joined(separator: "x").isEmpty ? "scalar" : t.shape.map(String.init).joined(separator: "x"))")
                if let out {
                    let safe = name.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." ? $0 : "_" }
                    let path = out + "/" + String(safe) + ".npy"
                    guard FileManager.default.createFile(atPath: path, contents: Data(NPY.encode(t))) else {
                        throw CLIFileError(path: path, problem: "cannot write")
                    }
                }
            }
        }
    }
}
