import Common
import ReaderStudy
import Testing
@testable import Findings

/// findingValues() must speak FindingCatalog's keys and vocabularies; detail lines carry the
/// model identity and, for phantom-trained cards, the disclaimer.
struct PresentationTests {
    func sample() -> StudyFindings {
        let level = { (k: Int) in
            SpineFinding.Level(level: SpineFinding.levelNames[k], x: 10, y: Double(20 * k), xMm: 8, yMm: Double(16 * k),
                               canalStenosis: [0.1, 0.7, 0.2], pfirrmann: [0, 0, 0.6, 0.4, 0], listhesis: [0.2, 0.1, 0.1, 0.1, 0.5])
        }
        return StudyFindings(studyId: "S", kind: .spine, models: [], spine: SpineFinding(image: "images/2.png", levels: (0..<5).map(level)))
    }

    @Test func spineValuesAreCatalogKeysAndValues() {
        let values = sample().findingValues()
        let specs = Dictionary(uniqueKeysWithValues: FindingCatalog.specs(for: .spine).map { ($0.key, $0) })
        #expect(Set(values.keys) == Set(specs.keys))
        for (key, value) in values { #expect(specs[key]?.normalise(value) == value, "\(key) = \(value)") }
        #expect(values["spine.L4-L5.canalStenosis"] == "moderate")
        #expect(values["spine.L4-L5.pfirrmann"] == "3")
        #expect(values["spine.L4-L5.listhesis"] == "IV")
    }

    @Test func fractureAndBoneAgeValuesAreCatalogValues() {
        let f = StudyFindings(studyId: "E", kind: .extremity, models: [],
                              fracture: FractureFinding(perImage: [.init(image: "a", logit: 2, probability: 0.8, cam: nil)], operatingPoint: 0.5))
        let fs = FindingCatalog.specs(for: .extremity)[0]
        #expect(fs.key == "fracture.study" && fs.normalise(f.findingValues()["fracture.study"]!) == "abnormal")
        let b = StudyFindings(studyId: "H", kind: .hand, models: [],
                              boneAge: BoneAgeFinding(months: 129.6, sigma: 6, chronologicalMonths: 120, sex: .male))
        let bs = FindingCatalog.specs(for: .hand)[0]
        #expect(b.findingValues() == [bs.key: "130"])
        #expect(bs.normalise("130") == "130")
    }

    @Test func detailLinesStartWithModelAndCarryDisclaimer() throws {
        let card = try ModelRegistry.discover(directories: [FindingsFixtures.models]).model(named: "boneage-synthetic").card
        let f = StudyFindings(studyId: "H", kind: .hand, models: [.init(card: card)],
                              boneAge: BoneAgeFinding(months: 150, sigma: 6, chronologicalMonths: 126, sex: .female))
        let lines = f.detailLines()
        #expect(lines.first?.hasPrefix("boneage-synthetic 0.0.1") == true)
        #expect(lines.first?.contains(StudyFindings.disclaimer) == true)
        #expect(lines.contains { $0.contains("150.0 mo (95% 138.2–161.8)") })
        #expect(lines.contains { $0.contains("SDS +2.03") && $0.hasSuffix("advanced") })
        var site = card
        site.intendedUse = "Bone age assistance for radiologists at Site X."
        let siteLines = StudyFindings(studyId: "H", kind: .hand, models: [.init(card: site)]).detailLines()
        #expect(siteLines.first == "boneage-synthetic 0.0.1 (boneAge)")
        #expect(StudyFindings.disclaimer == "trained on phantoms — not for clinical use")
    }
}
