import Foundation
import Testing
@testable import Findings

/// `lightbox infer --json` keys, exactly as issue 5 lists them.
struct FindingsJSONTests {
    func object(_ value: FindingsJSON) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as! [String: Any]
    }

    @Test func everyKindHasTheIssuesKeys() throws {
        let study = FindingsStudy(id: "S1", kind: .spine, modality: "MR", sex: .female, ageMonths: 126, images: [])
        let level = SpineFinding.Level(level: "L4-L5", x: 10, y: 20, xMm: 5, yMm: 10, canalStenosis: [0.2, 0.7, 0.1],
                                       pfirrmann: [0.1, 0.1, 0.6, 0.1, 0.1], listhesis: [0.1, 0.8, 0.05, 0.03, 0.02])
        let f = StudyFindings(studyId: "S1", kind: .spine, models: [],
                              fracture: FractureFinding(perImage: [.init(image: "images/1.png", logit: 0, probability: 0.7, cam: nil)], operatingPoint: 0.5),
                              boneAge: BoneAgeFinding(months: 130, sigma: 6, chronologicalMonths: 126, sex: nil),
                              spine: SpineFinding(image: "images/2.png", levels: [level]), latencyMs: 12.3456)
        let o = try object(FindingsJSON(study: study, findings: f))
        #expect(Set(o.keys) == ["study", "kind", "models", "fracture", "boneAge", "spine", "latencyMs"])
        let fx = o["fracture"] as! [String: Any]
        #expect(Set(fx.keys) == ["probability", "abnormal", "operatingPoint", "perImage"])
        #expect(Set((fx["perImage"] as! [[String: Any]])[0].keys) == ["image", "probability"])
        let b = o["boneAge"] as! [String: Any]
        #expect(Set(b.keys) == ["months", "low", "high", "chronologicalMonths", "sds", "category"])
        #expect(b["sds"] is NSNull && b["category"] as? String == "indeterminate")
        let l = ((o["spine"] as! [String: Any])["levels"] as! [[String: Any]])[0]
        #expect(Set(l.keys) == ["level", "x", "y", "canalStenosis", "pfirrmann", "listhesis"])
        #expect(Set((l["canalStenosis"] as! [String: Any]).keys) == ["normalMild", "moderate", "severe"])
        #expect((l["pfirrmann"] as! [Double]).count == 5 && l["listhesis"] as? String == "I")
        #expect(o["latencyMs"] as? Double == 12.346)
    }

    @Test func onlyTheKindsThatApply() throws {
        let study = FindingsStudy(id: "H", kind: .hand, modality: "CR", sex: .male, ageMonths: 100, images: [])
        let f = StudyFindings(studyId: "H", kind: .hand, models: [],
                              boneAge: BoneAgeFinding(months: 90, sigma: 6, chronologicalMonths: 100, sex: .male))
        let o = try object(FindingsJSON(study: study, findings: f))
        #expect(Set(o.keys) == ["study", "kind", "models", "boneAge", "latencyMs"])
        let none = try object(FindingsJSON(study: study, findings: nil))
        #expect(Set(none.keys) == ["study", "kind", "models", "latencyMs"] && (none["models"] as! [Any]).isEmpty)
    }
}
