import Common
import Foundation
import Testing
@testable import Findings

struct ModelCardTests {
    static let valid = """
    {"formatVersion": 1, "name": "fx", "version": "1.0", "task": "fracture",
     "appliesTo": {"kinds": ["extremity"], "modalities": ["CR"]},
     "input": {"name": "image", "height": 64, "width": 48, "channels": 3, "window": {"center": 100, "width": 50},
               "resize": "stretch", "normalisation": {"mean": [0.1, 0.2, 0.3], "std": 0.5}},
     "outputs": {"logit": "out", "cam": "map"}, "operatingPoint": 0.3,
     "calibration": {"method": "temperature", "temperature": 1.5},
     "intendedUse": "Demonstration only — trained on phantoms — not for clinical use.", "licence": "MIT"}
    """

    func parse(_ text: String) throws -> ModelCard { try ModelCard.parse(Array(text.utf8), path: "m/card.json") }

    func message(_ text: String) -> String {
        do { _ = try parse(text); return "" } catch { return UserMessage.text(for: error) }
    }

    @Test func parsesEveryField() throws {
        let c = try parse(Self.valid)
        #expect(c.task == .fracture)
        #expect(c.input.window == .fixed(center: 100, width: 50))
        #expect(c.input.resize == .stretch)
        #expect(c.input.normalisation.mean == [0.1, 0.2, 0.3])
        #expect(c.input.normalisation.std == [0.5])
        #expect(c.calibration?.divisor == 1.5)
        #expect(c.threshold == 0.3)
        #expect(c.isPhantomTrained)
        #expect(c.applies(kind: .extremity, modality: "cr"))
        #expect(!c.applies(kind: .extremity, modality: "MR"))
        #expect(!c.applies(kind: .hand, modality: "CR"))
    }

    @Test func missingFieldNamesPathAndField() {
        let text = Self.valid.replacingOccurrences(of: "\"width\": 48,", with: "")
        #expect(message(text) == "m/card.json: field 'input.width': required field is missing")
    }

    @Test func badEnumNamesAllowedValues() {
        #expect(message(Self.valid.replacingOccurrences(of: "\"stretch\"", with: "\"crop\"")).contains("field 'input.resize': must be \"letterbox\" or \"stretch\""))
        #expect(message(Self.valid.replacingOccurrences(of: "\"task\": \"fracture\"", with: "\"task\": \"tumour\"")).contains("field 'task': must be one of fracture, boneAge, spine"))
    }

    @Test func semanticChecks() {
        #expect(message(Self.valid.replacingOccurrences(of: "\"operatingPoint\": 0.3", with: "\"operatingPoint\": 1.3"))
            == "m/card.json: field 'operatingPoint': must be a probability strictly between 0 and 1")
        // No cam output is fine (the engine derives one); no score is not.
        #expect(message(Self.valid.replacingOccurrences(of: "\"cam\": \"map\"", with: "\"heat\": \"map\"")) == "")
        #expect(message(Self.valid.replacingOccurrences(of: "\"logit\": \"out\"", with: "\"score\": \"out\""))
            == "m/card.json: field 'outputs': a fracture model needs \"logit\" or \"probability\"")
        #expect(message(Self.valid.replacingOccurrences(of: "[0.1, 0.2, 0.3]", with: "[0.1, 0.2]")).contains("field 'input.normalisation.mean'"))
        #expect(message(Self.valid.replacingOccurrences(of: "\"formatVersion\": 1", with: "\"formatVersion\": 2")).contains("field 'formatVersion': version 2"))
        #expect(message(Self.valid.replacingOccurrences(of: "\"kinds\": [\"extremity\"]", with: "\"kinds\": [\"hand\"]")).contains("a fracture model must apply to extremity studies"))
        #expect(message("{not json") == "m/card.json: not valid JSON")
    }

    @Test func boneAgeNeedsSexAndSpread() {
        let boneAge = Self.valid
            .replacingOccurrences(of: "\"task\": \"fracture\"", with: "\"task\": \"boneAge\"")
            .replacingOccurrences(of: "[\"extremity\"]", with: "[\"hand\"]")
            .replacingOccurrences(of: "{\"logit\": \"out\", \"cam\": \"map\"}", with: "{\"mean\": \"m\"}")
        #expect(message(boneAge).contains("field 'input.sexInput': a bone-age model needs the patient's sex"))
        let withSex = boneAge.replacingOccurrences(of: "\"resize\"", with: "\"sexInput\": {\"name\": \"sex\", \"male\": 1, \"female\": 0}, \"resize\"")
        #expect(message(withSex).contains("field 'outputs': a bone-age model needs \"logVariance\" or \"std\""))
    }

    @Test func fixtureCardsAreValid() throws {
        for name in ["fracture-synthetic", "boneage-synthetic", "spine-synthetic"] {
            let path = FindingsFixtures.models + "/\(name)/card.json"
            let card = try ModelCard.parse(Array(FileManager.default.contents(atPath: path)!), path: path)
            #expect(card.name == name)
            #expect(card.isPhantomTrained)
        }
    }
}

extension ModelCardTests {
    @Test func badStudyKindNamesTheKinds() {
        let text = Self.valid.replacingOccurrences(of: "\"kinds\": [\"extremity\"]", with: "\"kinds\": [\"knee\"]")
        #expect(message(text) == "m/card.json: field 'appliesTo.kinds[0]': must be one of hand, extremity, spine")
    }
}
