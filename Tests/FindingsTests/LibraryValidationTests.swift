import Foundation
import Testing
import TestSupport
import Worklist
@testable import Findings

/// A small library in the Phantoms reference format (every key the generator writes),
/// validated end to end through the synthetic models.
struct LibraryValidationTests {
    func spineReference(id: String, centres: [(Double, Double)], spacing: Double, grades: [String]) -> String {
        let levels = (0..<5).map { k in
            """
            {"canalDiameterMm": 12.5, "canalPoint": {"x": 1, "y": 2}, "canalStenosis": "\(grades[k])",
             "center": {"x": \(centres[k].0), "y": \(centres[k].1)}, "centerMm": {"x": \(centres[k].0 * spacing), "y": \(centres[k].1 * spacing)},
             "discHeightMm": 10, "level": "\(SpineFinding.levelNames[k])", "listhesis": {"meyerding": 0, "percent": 1.5}, "pfirrmann": \(k + 1)}
            """
        }.joined(separator: ",\n")
        return """
        {"formatVersion": 1, "generator": "Lightbox Phantoms 1", "kind": "spine", "note": "synthetic phantom", "seed": "7",
         "spine": {"levels": [\(levels)], "midSliceImage": "images/2.png", "pixelSpacing": \(spacing)}, "studyId": "\(id)"}
        """
    }

    @Test func validatesALabelledLibrary() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        // Extremity: brighter squares → higher P; the two brightest are labelled abnormal → AUROC 1.
        for k in 0..<4 {
            let img = FindingsFixtures.image(width: 64, height: 64, value: 0, square: (0, 0, 16 + 12 * k, 255))
            try FindingsFixtures.writeStudy(in: dir, folder: "lib/e\(k)", id: "E\(k)", kind: "extremity", modality: "CR",
                                            images: [("images/1.png", 64, 64, img)],
                                            reference: "{\"extremity\": {\"bodyPart\": \"WRIST\", \"hardware\": false, \"images\": [], \"label\": \"\(k >= 2 ? "abnormal" : "normal")\"}, \"formatVersion\": 1, \"kind\": \"extremity\"}")
        }
        // Hand: model says 120 months (female, half bright); references 126 and 100 → errors 6 and 20.
        let half = (0..<(64 * 64)).map { $0 < 64 * 32 ? UInt8(255) : 0 }
        for (k, ba) in [126.0, 100.0].enumerated() {
            try FindingsFixtures.writeStudy(in: dir, folder: "lib/h\(k)", id: "H\(k)", kind: "hand", modality: "CR", sex: "F", ageMonths: 120,
                                            images: [("images/1.png", 64, 64, half)],
                                            reference: "{\"hand\": {\"boneAgeMonths\": \(ba), \"chronologicalAgeMonths\": 120, \"sex\": \"F\", \"carpalsVisible\": 7, \"centres\": [], \"gpStandardDeviationMonths\": 11.7, \"pixelSpacing\": 0.1}}")
        }
        // Spine: dots where the references put the centres (exact), one reference 3 px off in y (2.4 mm).
        var mid = [UInt8](repeating: 0, count: 128 * 128)
        var centres: [(Double, Double)] = []
        for k in 0..<5 {
            let ix = 10 + 8 * k, iy = 12 * k + 8
            for dy in 0..<2 { for dx in 0..<2 { mid[(2 * iy + dy) * 128 + 2 * ix + dx] = 255 } }
            centres.append((Double(2 * ix + 1), Double(2 * iy + 1) + (k == 2 ? 3 : 0)))
        }
        try FindingsFixtures.writeStudy(in: dir, folder: "lib/s0", id: "S0", kind: "spine", modality: "MR",
                                        images: [("images/1.png", 128, 128, mid), ("images/2.png", 128, 128, mid), ("images/3.png", 128, 128, mid)],
                                        pixelSpacing: [0.8, 0.8],
                                        reference: spineReference(id: "S0", centres: centres, spacing: 0.8,
                                                                  grades: ["normal_mild", "normal_mild", "moderate", "normal_mild", "moderate"]))
        // An unlabelled study is skipped.
        try FindingsFixtures.writeStudy(in: dir, folder: "lib/u", id: "U", kind: "hand", modality: "CR", images: [("images/1.png", 64, 64, half)])

        let engine = FindingsEngine(registry: ModelRegistry.discover(directories: [FindingsFixtures.models]))
        var v = ModelValidation()
        for study in try StudyLibrary.load(root: dir.file("lib")).studies {
            guard let ref = study.referencePath else { continue }
            let reference = try ValidationReference.parse(Array(FileManager.default.contents(atPath: ref)!), path: ref)
            v.add(try #require(try engine.run(study)), reference: reference)
        }
        let r = v.report()
        #expect(r["fracture.n"] == .number(4) && r["fracture.auroc"] == .number(1))
        #expect(r["boneAge.n"] == .number(2))
        guard case .number(let mad)? = r["boneAge.mad"] else { Issue.record("no MAD"); return }
        #expect(abs(mad - 13) < 1e-3)
        #expect(r["boneAge.within12"] == .number(0.5))
        #expect(r["spine.n"] == .number(1))
        guard case .number(let err)? = r["spine.levelErrorMm"] else { Issue.record("no error"); return }
        #expect(abs(err - 2.4 / 5) < 1e-6)
        #expect(r["spine.levelWithin5mm"] == .number(1))
        #expect(r["spine.pfirrmann.accuracy"] == .number(1))
    }
}
