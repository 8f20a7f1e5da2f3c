import ArgumentParser

/// `lightbox onnx ...`: the embedded engine's conformance, run and bench tools.
struct OnnxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onnx",
        abstract: "Check, run and benchmark ONNX models on the embedded engine.",
        subcommands: [OnnxCheckCommand.self, OnnxRunCommand.self, OnnxBenchCommand.self]
    )
}
