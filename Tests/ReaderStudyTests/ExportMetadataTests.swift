import Common
import Foundation
import Testing
@testable import ReaderStudy

@Suite struct ExportMetadataTests {
    @Test func sidecarCarriesVersionsDesignHashAndAnEmptyModelList() throws {
        let metadata = ExportMetadata(
            format: "imrmc", experiment: "trial", storedDesign: "abc", lightboxVersion: "9.9.9", models: [], rows: 24,
            files: [.init(role: "data", name: "trial.imrmc", sha256: "00"), .init(role: "ids", name: "trial.imrmc.ids.csv", sha256: "11")])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try metadata.json().utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["format", "formatVersion", "experiment", "designSHA256", "lightboxVersion", "models", "rows", "files"])
        #expect(object["format"] as? String == "imrmc" && object["formatVersion"] as? Int == ExportMetadata.currentFormatVersion)
        // SHA-256("abc"), FIPS 180-2 appendix B.1
        #expect(object["designSHA256"] as? String == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(object["lightboxVersion"] as? String == "9.9.9" && object["rows"] as? Int == 24)
        #expect((object["models"] as? [Any])?.isEmpty == true, "models are listed by the pinned-results work; never invented")
        let files = try #require(object["files"] as? [[String: String]])
        #expect(files.map { $0["role"] } == ["data", "ids"] && files[1]["name"] == "trial.imrmc.ids.csv")
    }

    @Test func modelsAndTimingAreWrittenWhenGiven() throws {
        let model = ModelFingerprint(name: "fracture-phantom", version: "0.1.0", modelSHA256: "aa", cardSHA256: "bb")
        let metadata = ExportMetadata(format: "long", experiment: "t", storedDesign: "{}", lightboxVersion: "0.1.0",
                                      models: [model], rows: 1, files: [], timing: .standard)
        let text = try metadata.json()
        #expect(text.hasSuffix("}\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((object["models"] as? [[String: String]])?.first == ["name": "fracture-phantom", "version": "0.1.0", "modelSHA256": "aa", "cardSHA256": "bb"])
        #expect((object["timing"] as? [String: Any])?["idleRule"] as? String == "cap")
        var bad = metadata; bad.timing = TimingRules(idleThreshold: .infinity)
        #expect(throws: ReaderStudyError.self) { try bad.json() }
    }

    @Test func sidecarNamesKeepTheWholeOutputName() {
        #expect(ExportMetadata.sidecarPath(for: "out/trial.imrmc") == "out/trial.imrmc.meta.json")
        #expect(ExportMetadata.idsPath(for: "out/trial.imrmc") == "out/trial.imrmc.ids.csv")
        #expect(ExportMetadata.sidecarPath(for: "trial.csv") != ExportMetadata.sidecarPath(for: "trial.imrmc"))
    }
}
