import Foundation
import Testing
@testable import Inference

/// The shipped fracture model (Models/fracture-phantom) end to end on the engine, against the outputs
/// the training framework (JAX) gave for the same input (Fixtures/models/fracture-phantom, see its README).
@Suite struct ShippedModelTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/models/fracture-phantom")

    static func npy(_ name: String) throws -> Tensor {
        try NPY.decode([UInt8](try Data(contentsOf: fixture.appendingPathComponent(name))))
    }

    @Test(arguments: [Session.Options(threads: 2), Session.Options.reference])
    func fracturePhantomMatchesTrainingFramework(_ options: Session.Options) throws {
        let model = [UInt8](try Data(contentsOf: Self.packageRoot.appendingPathComponent("Models/fracture-phantom/model.onnx")))
        let input = try Self.npy("input.npy")
        let session = try Session(graph: try Graph(bytes: model), inputs: ["image": input], options: options)
        let out = try session.run(["image": input])
        for name in ["logit", "cam"] {
            let expected = try Self.npy("\(name).npy")
            let got = try #require(out[name], "no output \(name)")
            #expect(got.shape == expected.shape, "\(name): \(got.shape) vs \(expected.shape)")
            let diff = zip(got.floats, expected.floats).map { abs($0 - $1) }.max() ?? .infinity
            // Absolute 1e-4 plus 1e-5 of the output's scale: the CAM reaches ~70, where float32
            // summation order alone moves values by ~1e-4 (the expected outputs are float64 JAX).
            let scale = expected.floats.map { abs($0) }.max() ?? 0
            #expect(diff <= 1e-4 + 1e-5 * scale, "\(name): max abs diff \(diff) (scale \(scale))")
        }
        // The card's contract: logit = mean(cam) + bias, so the CAM is the logit's own spatial split.
        let cam = try #require(out["cam"]), logit = try #require(out["logit"])
        let bias = logit.floats[0] - cam.floats.reduce(0, +) / Float(cam.count)
        let expectedBias = try Self.npy("bias.npy").floats[0]
        #expect(abs(bias - expectedBias) <= 1e-4)
    }
}
