import Foundation
import Testing
@testable import Inference

/// The repository's own op fixtures (Fixtures/cases, made by Fixtures/generate.py with
/// onnx 1.22.0's ReferenceEvaluator), so conformance is checked without ../shared.
@Suite struct FixtureTests {
    static let names = ["activations_broadcast", "constant_of_shape", "conv_bn_relu", "conv_transpose_stride2", "depthwise_relu6", "flatten_gemm_softmax", "layernorm_gelu_op20", "matmul_batched", "maxpool_indices", "pad_transpose_reduce", "pointwise_logic", "pools", "resize_cubic", "resize_linear_nearest", "select_reduce_expand", "shape_glue", "slice_split_tile", "softmax_opset11", "transformer_block_op13", "upsample_dropout_identity"]

    @Test(arguments: names)
    func fixturePassesWithOptimizedKernels(_ name: String) throws {
        let outcome = try CaseRunner.run(CaseRunner.fixtures.appendingPathComponent(name), options: Session.Options(threads: 2))
        #expect(outcome.status == .pass, "\(outcome.detail ?? "")")
    }

    @Test(arguments: names)
    func fixturePassesWithReferenceKernels(_ name: String) throws {
        let outcome = try CaseRunner.run(CaseRunner.fixtures.appendingPathComponent(name), options: .reference)
        #expect(outcome.status == .pass, "\(outcome.detail ?? "")")
    }

    @Test func everyFixtureIsListed() {
        #expect(CaseRunner.caseDirectories(in: CaseRunner.fixtures).map(\.lastPathComponent) == Self.names)
    }
}
