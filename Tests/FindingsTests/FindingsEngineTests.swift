import Dispatch
import Foundation
import Imaging
import Testing
import TestSupport
import Worklist
@testable import Findings

/// End to end: study folder on disk → Worklist → engine → synthetic ONNX model → findings.
/// Expected values follow from the fixture models' hand-set weights (Fixtures/make_models.py).
struct FindingsEngineTests {
    let engine = FindingsEngine(registry: ModelRegistry.discover(directories: [FindingsFixtures.models]))

    func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    /// 128×128 images, halved exactly into the 64×64 input. Logit = 8·mean(grey) − 5; P = sigmoid(logit / T), T = 2.
    @Test func fractureProbabilitiesCalibrationAndCAM() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let quarterBright = FindingsFixtures.image(width: 128, height: 128, value: 0, square: (0, 0, 64, 255))
        let quarterDark = FindingsFixtures.image(width: 128, height: 128, value: 255, square: (64, 64, 64, 0))
        let folder = try FindingsFixtures.writeStudy(in: dir, folder: "ext", id: "EXT-1", kind: "extremity", modality: "CR",
                                                     images: [("images/1.png", 128, 128, quarterBright), ("images/2.png", 128, 128, quarterDark)])
        let f = try #require(try engine.run(StudyLoader.load(folder: folder)))
        let fx = try #require(f.fracture)
        #expect(f.models.map(\.name) == ["fracture-synthetic"])
        #expect(fx.perImage.map(\.image) == ["images/1.png", "images/2.png"])
        #expect(abs(fx.perImage[0].logit - -3) < 1e-4)  // mean grey 0.25
        #expect(abs(fx.perImage[1].logit - 1) < 1e-4)   // mean grey 0.75
        #expect(abs(fx.perImage[0].probability - sigmoid(-1.5)) < 1e-5)
        #expect(abs(fx.perImage[1].probability - sigmoid(0.5)) < 1e-5)
        #expect(abs(fx.probability - (sigmoid(-1.5) + sigmoid(0.5)) / 2) < 1e-5)
        #expect(!fx.abnormal && fx.operatingPoint == 0.5)
        #expect(f.findingValues() == ["fracture.study": "normal"])
        // CAM: 2·x on 8×8 cells; x = +2 where white, −2 where black; covers the whole image.
        let cam = try #require(fx.perImage[0].cam)
        #expect(cam.width == 8 && cam.rect == ImageRect(x: 0, y: 0, width: 128, height: 128))
        #expect(cam.value(atImageX: 10, y: 10) == 4 && cam.value(atImageX: 100, y: 100) == -4)
        #expect(cam.peak.x < 64 && cam.peak.y < 64)
        #expect(f.latencyMs > 0)
    }

    @Test func letterboxedCAMReachesIntoThePaddingAndAbnormalStudy() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        // 128×64 with the left half white: letterboxed to 64×32 at rows 16..<48 of the input.
        let leftWhite = FindingsFixtures.image(width: 128, height: 64, value: 0, square: (0, 0, 64, 255))
        let bright = FindingsFixtures.image(width: 128, height: 64, value: 255, square: (0, 0, 4, 0))
        let folder = try FindingsFixtures.writeStudy(in: dir, folder: "ext", id: "EXT-2", kind: "extremity", modality: "DX",
                                                     images: [("images/1.png", 128, 64, leftWhite), ("images/2.png", 128, 64, bright)])
        let fx = try #require(try engine.run(StudyLoader.load(folder: folder))?.fracture)
        let cam = try #require(fx.perImage[0].cam)
        #expect(cam.rect == ImageRect(x: 0, y: -32, width: 128, height: 128))
        #expect(cam.value(atImageX: 10, y: 30) == 4)    // white content
        #expect(cam.value(atImageX: 100, y: 30) == -4)  // black content
        #expect(cam.value(atImageX: 10, y: -20) == -4)  // padding is black
        // mean grey of input 1: 0.25 → logit −3; input 2: ≈ 0.5 → logit ≈ −1; study P < 0.5.
        #expect(abs(fx.perImage[0].logit - -3) < 1e-4)
        #expect(!fx.abnormal)
        var card = try engine.registry.model(named: "fracture-synthetic").card
        card.operatingPoint = 0.2
        let lowered = FractureFinding(perImage: fx.perImage, operatingPoint: card.threshold)
        #expect(lowered.abnormal && lowered.label == "abnormal")
    }

    /// mean = 120 + 40·mean(x) + 12·sex months, σ = 6. Top half white → mean(x) = 0.
    @Test func boneAgeWithSexIntervalAndSDS() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let half = FindingsFixtures.image(width: 64, height: 64, value: 0, square: (0, 0, 64, 255)).enumerated().map { $0.offset < 64 * 32 ? UInt8(255) : 0 }
        let girl = try FindingsFixtures.writeStudy(in: dir, folder: "g", id: "HAND-F", kind: "hand", modality: "CR", sex: "F", ageMonths: 126,
                                                   images: [("images/1.png", 64, 64, half)])
        let boy = try FindingsFixtures.writeStudy(in: dir, folder: "b", id: "HAND-M", kind: "hand", modality: "CR", sex: "M", ageMonths: 100,
                                                  images: [("images/1.png", 64, 64, half)])
        let f = try #require(try engine.run(StudyLoader.load(folder: girl)))
        let b = try #require(f.boneAge)
        #expect(abs(b.months - 120) < 1e-3)
        #expect(abs(b.sigma - 6) < 1e-4)
        #expect(abs(b.low - (120 - 1.96 * 6)) < 1e-3 && abs(b.high - (120 + 1.96 * 6)) < 1e-3)
        #expect(b.chronologicalMonths == 126)
        #expect(abs(b.sds! - (-6 / 11.835)) < 1e-4)
        #expect(b.category == .normal)
        #expect(f.findingValues() == ["boneAge.months": "120"])
        let m = try #require(try engine.run(StudyLoader.load(folder: boy))?.boneAge)
        #expect(abs(m.months - 132) < 1e-3)  // +12 for male
        #expect(abs(m.sds! - (32 / (9.10 - 0.10 * 4 / 12))) < 1e-3)
        #expect(m.category == .advanced)
    }

    /// Five bright 2×2 blocks on the middle of three slices; each level's band holds one.
    @Test func spineLevelsGradesAndMiddleSlice() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        var mid = [UInt8](repeating: 0, count: 128 * 128)
        var expected: [(x: Double, y: Double)] = []
        for k in 0..<5 {
            let ix = 10 + 8 * k, iy = 12 * k + 8  // input pixel
            for dy in 0..<2 { for dx in 0..<2 { mid[(2 * iy + dy) * 128 + 2 * ix + dx] = 255 } }
            expected.append((Double(2 * ix + 1), Double(2 * iy + 1)))
        }
        var other = [UInt8](repeating: 0, count: 128 * 128)
        for i in stride(from: 0, to: other.count, by: 97) { other[i] = 255 }
        let folder = try FindingsFixtures.writeStudy(in: dir, folder: "sp", id: "SP-1", kind: "spine", modality: "MR",
                                                     images: [("images/1.png", 128, 128, other), ("images/2.png", 128, 128, mid),
                                                              ("images/3.png", 128, 128, other)],
                                                     pixelSpacing: [0.8, 0.6])
        let f = try #require(try engine.run(StudyLoader.load(folder: folder)))
        let s = try #require(f.spine)
        #expect(s.image == "images/2.png")
        for (k, l) in s.levels.enumerated() {
            #expect(abs(l.x - expected[k].x) < 1e-9 && abs(l.y - expected[k].y) < 1e-9, "\(l.level) \(l.x),\(l.y)")
            #expect(abs(l.xMm! - expected[k].x * 0.6) < 1e-9 && abs(l.yMm! - expected[k].y * 0.8) < 1e-9)
            #expect(l.pfirrmannLabel == String(k + 1))
            #expect(abs(l.canalStenosis.reduce(0, +) - 1) < 1e-9)
        }
        // stenosis logits (−m, k/2, m) with m = mean(x) ≈ −1.995: normal/mild except L5-S1 (2.0 > 1.995).
        #expect(s.levels.map(\.canalStenosisLabel) == ["normal/mild", "normal/mild", "normal/mild", "normal/mild", "moderate"])
        #expect(s.levels.map(\.listhesisLabel) == ["none", "none", "none", "I", "none"])
        let v = f.findingValues()
        #expect(v.count == 15)
        #expect(v["spine.L4-L5.canalStenosis"] == "normal/mild" && v["spine.L4-L5.pfirrmann"] == "4" && v["spine.L4-L5.listhesis"] == "I")
        #expect(v["spine.L5-S1.canalStenosis"] == "moderate")
    }

    @Test func resultsAreCachedPerStudyAndModel() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let folder = try FindingsFixtures.writeStudy(in: dir, folder: "ext", id: "EXT-C", kind: "extremity", modality: "CR",
                                                     images: [("images/1.png", 64, 64, FindingsFixtures.image(width: 64, height: 64, value: 0, square: (0, 0, 32, 255)))])
        let study = try StudyLoader.load(folder: folder)
        let first = try #require(try engine.run(study))
        try FileManager.default.removeItem(atPath: folder + "/images/1.png")
        let second = try #require(try engine.run(study))  // would fail to load the image if not cached
        #expect(second.fracture == first.fracture)
        engine.clearCache()
        #expect(throws: (any Error).self) { try engine.run(study) }
    }

    @Test func noModelForTheStudyGivesNil() throws {
        let empty = FindingsEngine(registry: ModelRegistry(models: []))
        let s = FindingsStudy(id: "X", kind: .spine, modality: "MR", sex: .male, ageMonths: 600, images: [])
        #expect(try empty.run(s) == nil)
        let wrongModality = FindingsStudy(id: "X", kind: .extremity, modality: "MR", sex: .male, ageMonths: 600, images: [])
        #expect(try engine.run(wrongModality) == nil)
    }

    @Test func concurrentRunsAgreeWithSequentialOnes() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        var studies: [Study] = []
        for k in 0..<4 {
            let img = FindingsFixtures.image(width: 64, height: 64, value: 0, square: (0, 0, 16 + 8 * k, 255))
            studies.append(try StudyLoader.load(folder: try FindingsFixtures.writeStudy(
                in: dir, folder: "s\(k)", id: "S\(k)", kind: "extremity", modality: "CR", images: [("images/1.png", 64, 64, img)])))
        }
        let sequential = try studies.map { try FindingsEngine(registry: engine.registry).run($0)?.fracture?.probability }
        let shared = FindingsEngine(registry: engine.registry)
        let box = ResultBox(count: studies.count)
        let all = studies
        DispatchQueue.concurrentPerform(iterations: all.count) { i in
            box.set(i, (try? shared.run(all[i]))??.fracture?.probability)
        }
        #expect(box.values == sequential)
        #expect(Set(sequential.compactMap { $0 }).count == 4)
    }
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Double?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: Double?) { lock.lock(); values[i] = v; lock.unlock() }
}

extension FindingsEngineTests {
    @Test func studyJSONExtrasBecomeDeclaredSpacingAndWindow() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let folder = try FindingsFixtures.writeStudy(in: dir, folder: "s", id: "S", kind: "spine", modality: "MR", sex: "O",
                                                     images: [("images/1.png", 4, 4, [UInt8](repeating: 9, count: 16))], pixelSpacing: [0.7, 0.9])
        var json = try String(contentsOfFile: folder + "/study.json", encoding: .utf8)
        json = json.replacingOccurrences(of: "\"pixelSpacing\"", with: "\"windowCenter\": 2048, \"windowWidth\": 4000, \"pixelSpacing\"")
        try json.write(toFile: folder + "/study.json", atomically: true, encoding: .utf8)
        let s = FindingsStudy(try StudyLoader.load(folder: folder))
        #expect(s.sex == .other && s.modality == "MR" && s.ageMonths == 120)
        #expect(s.images[0].name == "images/1.png" && s.images[0].path.hasSuffix("/s/images/1.png"))
        #expect(s.images[0].declaredSpacing == PixelSpacing(row: 0.7, column: 0.9))
        #expect(s.images[0].declaredWindow == VOIWindow(center: 2048, width: 4000, function: .linearExact))
        #expect(s.middleSlice?.name == "images/1.png")
    }
}
