import ArgumentParser
import Foundation
import Inference

/// `lightbox onnx check PATH...`: runs ONNX backend-test cases and compares
/// with their expected outputs (rtol 1e-3, atol 1e-7, or a case's data.json).
struct OnnxCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run ONNX backend-test cases (model.onnx + test_data_set_*) and compare outputs."
    )

    @Argument(help: "Case directories, or folders of them.")
    var paths: [String]

    @Option(help: "Kernel variant: auto, generic, avx2 or avx512 (default: $LIGHTBOX_KERNEL_VARIANT, else auto).")
    var variant: String? = nil

    @Option(help: "Threads for the engine.")
    var threads = 1

    @Flag(help: "Use the reference kernels, no rewrites and no buffer reuse.")
    var reference = false

    @Flag(help: "Print why a case failed or is unsupported.")
    var verbose = false

    func run() throws {
        let failed = try reportingErrors { () throws -> Bool in
            var passed = 0, failed = 0, skipped = 0
            let options = reference ? Session.Options.reference : Session.Options(threads: threads, variant: try KernelSelection.variant(named: variant))
            for path in paths {
                for dir in try OnnxFiles.caseDirectories(path) {
                    let name = (dir as NSString).lastPathComponent
                    let model = try OnnxFiles.bytes(dir + "/model.onnx")
                    let tolerance = FileManager.default.fileExists(atPath: dir + "/data.json")
                        ? Conformance.Tolerance.fromDataJSON(try OnnxFiles.bytes(dir + "/data.json")) : .onnxDefault
                    var outcome = Conformance.Outcome(status: .pass, maxAbsError: 0, detail: nil)
                    let sets = OnnxFiles.dataSets(dir)
                    if sets.isEmpty { outcome = .init(status: .fail, maxAbsError: nil, detail: "no test_data_set_* directory") }
                    for set in sets {
                        let inputs = try OnnxFiles.numbered(set, prefix: "input").map(OnnxFiles.bytes)
                        let outputs = try OnnxFiles.numbered(set, prefix: "output").map(OnnxFiles.bytes)
                        let o = Conformance.run(model: model, inputs: inputs, expected: outputs, options: options, tolerance: tolerance)
                        if o.status != .pass || outcome.status == .pass {
                            let worst = max(outcome.maxAbsError ?? 0, o.maxAbsError ?? 0)
                            outcome = o
                            if o.maxAbsError != nil { outcome.maxAbsError = worst }
                        }
                        if o.status != .pass { break }
                    }
                    switch outcome.status {
                    case .pass: passed += 1
                    case .fail: failed += 1
                    case .unsupported: skipped += 1
                    }
                    let err = outcome.maxAbsError.map { "\($0)" } ?? "-"
                    var line = "\(outcome.status.rawValue) \(name) \(err)"
                    if verbose, let d = outcome.detail { line += "  # \(d)" }
                    print(line)
                }
            }
            print("\(passed) passed, \(failed) failed, \(skipped) skipped")
            return failed > 0
        }
        if failed { throw ExitCode(1) }
    }
}
