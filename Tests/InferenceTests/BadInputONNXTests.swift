import Common
import Foundation
import TestSupport
import Testing
@testable import Inference

/// Issue 9, bad input for ONNX import: unsupported operators, inconsistent shapes,
/// tensors claiming more data than the file holds, truncation, and the inputs that
/// crashed the importer under libFuzzer (Fuzz/corpus/onnx). Each ends in one line.
@Suite struct BadInputONNXTests {
    /// Load and plan as `lightbox onnx run` and the fuzz harness do (unknown dims as 1).
    static func message(_ bytes: [UInt8]) -> String? {
        do {
            let graph = try Graph(bytes: bytes)
            var infos: [String: ValueInfo] = [:]
            for input in graph.inputs {
                infos[input.name] = ValueInfo(shape: (input.dims ?? []).map { $0 ?? 1 }, dataType: input.dataType)
            }
            _ = try Session(graph: graph, inputInfos: infos, options: .reference)
            return nil
        } catch {
            return UserMessage.text(for: error)
        }
    }

    // Regression: each input trapped (index out of range, integer conversion or
    // overflow) before the fix; found by Fuzz/run onnx.
    @Test(arguments: [
        ("concat-scalar", "node output (Concat): cannot concatenate scalars (rank 0)"),
        ("convtranspose-output-shape", "node Y (ConvTranspose): output_shape has 1 values, fewer than the 2 spatial axes"),
        ("tensor-data-type-varint", "protobuf byte 134: truncated fixed32"),
        ("value-elem-type-varint", "protobuf byte 66: truncated varint"),
        ("shape-without-input", "node y (Shape): needs an input"),
        ("tensor-dims-overflow",
         "model field tensor .dims: [16, 96, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16] has more elements than any file can hold"),
    ])
    func fuzzCrashInputsEndInOneLine(name: String, expected: String) throws {
        let url = SharedReference.packageRoot.appendingPathComponent("Fuzz/corpus/onnx/\(name).onnx")
        #expect(Self.message([UInt8](try Data(contentsOf: url))) == expected)
    }

    @Test func unsupportedOperatorsAreListedAtOnce() {
        let bytes = ProtoWriter.model(opset: 13, nodes: [
            ("Einsum", "", ["x"], ["a"]), ("FancyOp", "com.example", ["a"], ["y"]),
        ], input: ("x", [1, 4]), output: "y")
        #expect(Self.message(bytes)
                == "model: unsupported operators: Einsum (ai.onnx, opset 13); FancyOp (com.example, opset 0)")
    }

    @Test func inconsistentShapesNameTheNode() {
        let w = ProtoWriter.floatTensor(name: "w", dims: [3, 2], values: [1, 2, 3, 4, 5, 6])
        let bytes = ProtoWriter.model(opset: 13, nodes: [("MatMul", "", ["x", "w"], ["y"])], input: ("x", [1, 4]),
                                      output: "y", initializers: [w])
        #expect(Self.message(bytes) == "node y (MatMul): inner dimensions differ: [1, 4] × [3, 2]")
    }

    @Test func tensorClaimingMoreDataThanItHolds() {
        let w = ProtoWriter.floatTensor(name: "w", dims: [1000], values: [1, 2, 3, 4])
        let bytes = ProtoWriter.model(opset: 13, nodes: [("Add", "", ["x", "w"], ["y"])], input: ("x", [1000]),
                                      output: "y", initializers: [w])
        #expect(Self.message(bytes) == "model field tensor w.raw_data: holds 16 bytes, shape [1000] of float32 needs 4000")
        let typed = ProtoWriter.floatTensor(name: "w", dims: [1000], values: [1, 2, 3, 4], typed: true)
        let bytes2 = ProtoWriter.model(opset: 13, nodes: [("Add", "", ["x", "w"], ["y"])], input: ("x", [1000]),
                                       output: "y", initializers: [typed])
        #expect(Self.message(bytes2) == "model field tensor w: holds 4 elements, shape [1000] needs 1000")
    }

    @Test func fieldLengthPastTheEndOfTheFile() {
        var bytes = ProtoWriter.model(opset: 13, nodes: [("Relu", "", ["x"], ["y"])], input: ("x", [1, 4]), output: "y")
        bytes.removeLast(5)
        #expect(Self.message(bytes)?.hasPrefix("protobuf byte ") == true)
        #expect(Self.message(bytes)?.contains("runs past the end of the message") == true, "\(Self.message(bytes) ?? "")")
    }

    @Test func truncatedAtEveryByteNeverCrashes() {
        let w = ProtoWriter.floatTensor(name: "w", dims: [4], values: [1, 2, 3, 4])
        let bytes = ProtoWriter.model(opset: 13, nodes: [("Add", "", ["x", "w"], ["y"])], input: ("x", [1, 4]),
                                      output: "y", initializers: [w])
        #expect(Self.message(bytes) == nil)
        for cut in 0..<bytes.count {
            let m = Self.message(Array(bytes.prefix(cut)))
            #expect(m?.isEmpty == false && m?.contains("\n") == false, "cut at \(cut): \(m ?? "loaded")")
        }
    }

    @Test func emptyAndNonModelFiles() {
        #expect(Self.message([]) == "model field graph: the model has no graph")
        #expect(Self.message(Array("Findings: no fracture.\n".utf8))?.hasPrefix("protobuf byte ") == true)
    }
}
