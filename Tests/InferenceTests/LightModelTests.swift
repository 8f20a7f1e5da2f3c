import Foundation
import Testing
import TestSupport
@testable import Inference

/// Full-size CNN graphs (AlexNet, DenseNet-121, Inception v1/v2, ResNet-50, ShuffleNet,
/// SqueezeNet, VGG-19, ZFNet-512) from ../shared/reference/onnx/light-testcases: they load,
/// plan and run, and match the onnx runner's output. Their weights are one constant, so this
/// checks loading and shape flow, not numerics.
@Suite struct LightModelTests {
    static var directory: URL? { SharedReference.directory("onnx/light-testcases") }

    @Test(.enabled(if: directory != nil, "skipped: ../shared/reference/onnx/light-testcases is not present beside the package"))
    func everyLightModelLoadsAndRuns() throws {
        let cases = CaseRunner.caseDirectories(in: Self.directory!)
        #expect(cases.count == 9)
        for dir in cases {
            let outcome = try CaseRunner.run(dir, options: Session.Options(threads: 2))
            #expect(outcome.status == .pass, "\(dir.lastPathComponent): \(outcome.status) \(outcome.detail ?? "")")
        }
    }
}
