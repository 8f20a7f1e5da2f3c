import Common
import Foundation
import Testing
import TestSupport
@testable import Findings

struct ModelRegistryTests {
    @Test func discoversFixtureModelsAndChoosesByKindAndModality() {
        let r = ModelRegistry.discover(directories: [FindingsFixtures.models])
        #expect(r.problems.isEmpty, "\(r.problems)")
        #expect(r.models.map(\.card.name) == ["boneage-synthetic", "fracture-synthetic", "spine-synthetic"])
        #expect(r.models(for: .extremity, modality: "CR").map(\.card.name) == ["fracture-synthetic"])
        #expect(r.models(for: .extremity, modality: "MR").isEmpty)
        #expect(r.models(for: .hand, modality: "DX").map(\.card.name) == ["boneage-synthetic"])
        #expect(r.models(for: .spine, modality: "MR").map(\.card.name) == ["spine-synthetic"])
        #expect((try? r.model(named: "nope")) == nil)
    }

    @Test func earlierDirectoryWinsAndBrokenFoldersAreListed() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let card = String(decoding: FileManager.default.contents(atPath: FindingsFixtures.models + "/fracture-synthetic/card.json")!, as: UTF8.self)
        dir.write("site/mine/card.json", card.replacingOccurrences(of: "\"version\": \"0.0.1\"", with: "\"version\": \"9.0\""))
        try FileManager.default.copyItem(atPath: FindingsFixtures.models + "/fracture-synthetic/model.onnx", toPath: dir.file("site/mine/model.onnx"))
        dir.write("site/bad/card.json", "{\"formatVersion\": 1}")
        dir.write("site/bad/model.onnx", "")
        let r = ModelRegistry.discover(directories: [dir.file("site"), FindingsFixtures.models, dir.file("missing")])
        #expect(try r.model(named: "fracture-synthetic").card.version == "9.0")
        #expect(r.problems.count == 1)
        #expect(r.problems.first.map(UserMessage.text(for:))?.contains("bad/card.json: field 'name': required field is missing") == true)
    }

    @Test func searchPathOrder() {
        let dirs = ModelRegistry.searchPath(explicit: ["/a"], environment: ["LIGHTBOX_MODELS": "/b:/c", "XDG_DATA_HOME": "/x", "HOME": "/h"],
                                            currentDirectory: "/cwd", executablePath: nil)
        #expect(dirs == ["/a", "/b", "/c", "/x/lightbox/models", "/cwd/Models"])
        let home = ModelRegistry.searchPath(explicit: [], environment: ["HOME": "/h"], currentDirectory: "/cwd", executablePath: nil)
        #expect(home == ["/h/.local/share/lightbox/models", "/cwd/Models"])
    }

    @Test func unsupportedOperatorFailsAtLoadInOneLine() throws {
        let r = ModelRegistry.discover(directories: [FindingsFixtures.broken])
        let entry = try r.model(named: "unsupported-synthetic")
        do {
            _ = try LoadedModel(entry: entry)
            Issue.record("expected the load to fail")
        } catch {
            let text = UserMessage.text(for: error)
            #expect(text.contains("unsupported-synthetic/model.onnx"))
            #expect(text.contains("Einsum"))
            #expect(!text.contains("\n"))
        }
    }

    @Test func cardThatDoesNotMatchTheGraphFailsAtLoad() throws {
        let entry = try ModelRegistry.discover(directories: [FindingsFixtures.models]).model(named: "fracture-synthetic")
        var wrongName = entry
        wrongName.card.input.name = "pixels"
        #expect(message { try LoadedModel(entry: wrongName) }.contains("graph input 'image' is not described by card.json"))
        var wrongSize = entry
        wrongSize.card.input.width = 32
        #expect(message { try LoadedModel(entry: wrongSize) }.contains("graph input 'image' has shape [1, 1, 64, 64], card.json input says [1, 1, 64, 32]"))
        var wrongOutput = entry
        wrongOutput.card.outputs["cam"] = "heat"
        #expect(message { try LoadedModel(entry: wrongOutput) }.contains("outputs.cam names 'heat', which the graph does not output"))
        var wrongRole = entry
        wrongRole.card.outputs["cam"] = "logit"
        #expect(message { try LoadedModel(entry: wrongRole) }.contains("has shape [1, 1]; the card contract wants"))
    }

    func message(_ body: () throws -> Any) -> String {
        do { _ = try body(); return "" } catch { return UserMessage.text(for: error) }
    }
}
