import Foundation
import TestSupport
import Testing

@Suite struct InferCommandTests {
    /// Wherever a model speaks it says what it is for: the JSON too, not only the text.
    @Test func jsonCarriesEachModelsIntendedUse() throws {
        let root = SharedReference.packageRoot.path
        let r = try LightboxBinary.run(["infer", root + "/SampleStudies/ph-hand-353a226bebbc784b", "--json",
                                        "--models", root + "/Models"])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let models = try #require(o["models"] as? [[String: Any]])
        #expect(models.map { $0["name"] as? String } == ["boneage-phantom"])
        #expect((models.first?["intendedUse"] as? String)?.contains("trained on phantoms — not for clinical use") == true, "\(models)")
    }
}
