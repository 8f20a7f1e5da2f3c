import Foundation
import Testing
import TestSupport
@testable import Inference

/// The PyTorch-converted, PyTorch-operator and "simple" ONNX cases (onnx 1.22.0,
/// many at opset 6) from ../shared: every case onnxruntime 1.32 passes must
/// pass here too, except the ones listed with their reason. onnxruntime's own
/// results are read from the file beside the cases.
@Suite struct ExportedModelCaseTests {
    static let root = SharedReference.directory("onnx")
    static let folders = ["pytorch-converted", "pytorch-operator", "simple"]

    /// Not image-CNN operators: sequences and strings are outside the engine (float32 tensors only).
    static let outOfScope: Set<String> = [
        "test_sequence_model1", "test_sequence_model2", "test_sequence_model3", "test_sequence_model4",
        "test_sequence_model5", "test_sequence_model6", "test_sequence_model7", "test_sequence_model8",
        "test_strnorm_model_monday_casesensintive_nochangecase", "test_strnorm_model_nostopwords_nochangecase",
    ]

    /// "folder/case" names onnxruntime passes, from its results file.
    static func casesORTPasses() throws -> [String] {
        let text = try String(contentsOf: root!.appendingPathComponent("ORT-1.32.0_results_on_onnx-1.22.0_testdata.txt"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count >= 2, parts[0] == "PASS", folders.contains(where: { parts[1].hasPrefix($0 + "/") }) else { return nil }
            return String(parts[1])
        }
    }

    @Test(.enabled(if: root != nil, "skipped: ../shared/reference/onnx is not present beside the package"))
    func everyCaseOnnxruntimePassesPassesHere() throws {
        let cases = try Self.casesORTPasses()
        #expect(cases.count >= 90, "expected onnxruntime's results for the PyTorch cases, found \(cases.count)")
        var ran = 0
        for name in cases {
            let base = String(name.split(separator: "/").last!)
            let outcome = try CaseRunner.run(Self.root!.appendingPathComponent(name), options: Session.Options(threads: 2))
            if Self.outOfScope.contains(base) {
                #expect(outcome.status == .unsupported, "\(name): listed as out of scope but \(outcome.status)")
                continue
            }
            ran += 1
            #expect(outcome.status == .pass, "\(name): \(outcome.status) \(outcome.detail ?? "")")
        }
        #expect(ran == cases.count - Self.outOfScope.count)
    }
}
