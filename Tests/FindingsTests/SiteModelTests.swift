import Common
import Foundation
import Testing
import TestSupport
import Worklist
@testable import Findings
@testable import Inference

/// A site's own model as PyTorch exports a torchvision classifier (Fixtures/site:
/// 3-channel ImageNet input, Relu → GlobalAveragePool → Gemm → Sigmoid, one
/// `probability` output, no `cam`) works as a fracture model without code
/// changes: the probability is read back into its logit and the heat map is a
/// class activation map made from the pooled feature map and the head's weights.
@Suite struct SiteModelTests {
    let engine = FindingsEngine(registry: ModelRegistry.discover(directories: [FindingsFixtures.root + "/site"]))

    @Test func probabilityOutputAndDerivedCAM() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let pixels = FindingsFixtures.image(width: 128, height: 128, value: 40, square: (64, 0, 64, 250))
        let folder = try FindingsFixtures.writeStudy(in: dir, folder: "ext", id: "EXT-S", kind: "extremity", modality: "DX",
                                                     images: [("images/1.png", 128, 128, pixels)])
        let f = try #require(try engine.run(StudyLoader.load(folder: folder)))
        #expect(f.models.map(\.name) == ["site-fracture-synthetic"])
        let image = try #require(f.fracture?.perImage.first)
        let expected: Double = 1 / (1 + exp(-image.logit))
        #expect(abs(image.probability - expected) < 1e-6)
        let cam = try #require(image.cam)
        #expect(cam.width == 8 && cam.height == 8)
        // Zhou et al.'s identity: the map's mean plus the head's bias (−0.4) is the logit.
        let mean: Double = Double(cam.values.reduce(0, +)) / Double(cam.values.count)
        let gap: Double = abs(mean - 0.4 - image.logit)
        #expect(gap < 1e-4, "CAM mean \(mean), logit \(image.logit)")
        // The bright right half differs from the dark left half in the map.
        #expect(cam.value(atImageX: 100, y: 10) != cam.value(atImageX: 10, y: 10))

        let model = try LoadedModel(entry: try engine.registry.model(named: "site-fracture-synthetic"))
        #expect(model.camSource == ClassActivationSource(featureMap: "features", weights: [0.8, -0.5, 0.3, 0.6], bias: -0.4))
    }

    @Test func aCardWithoutAScoreIsRefused() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let src = FindingsFixtures.root + "/site/site-fracture-synthetic"
        var card = try String(contentsOfFile: src + "/card.json", encoding: .utf8)
        card = card.replacingOccurrences(of: "\"probability\": \"probability\"", with: "\"heat\": \"probability\"")
        try FileManager.default.createDirectory(atPath: dir.file("m"), withIntermediateDirectories: true)
        dir.write("m/card.json", card)
        try FileManager.default.copyItem(atPath: src + "/model.onnx", toPath: dir.file("m/model.onnx"))
        let r = ModelRegistry.discover(directories: [dir.path])
        #expect(r.models.isEmpty)
        let text: String = r.problems.map { UserMessage.text(for: $0) }.joined(separator: " ")
        #expect(text.contains("a fracture model needs \"logit\" or \"probability\""), "\(text)")
    }
}
