import Common
import Foundation
import Synchronization
import Testing
import TestSupport
import Worklist
@testable import Findings

/// A store in memory that counts what the engine asks of it.
final class CountingStore: PinnedResultStore, @unchecked Sendable {
    private let lock = NSLock()
    private var rows: [String: PinnedResult] = [:]
    private(set) var pins = 0

    private func key(_ study: String, _ m: ModelFingerprint) -> String { "\(study)|\(m.name)|\(m.version)|\(m.modelSHA256)|\(m.cardSHA256)" }

    func pinnedResult(study: String, model: ModelFingerprint) throws -> PinnedResult? {
        lock.lock(); defer { lock.unlock() }
        return rows[key(study, model)]
    }

    func pin(study: String, model: ModelFingerprint, engineVersion: String, kernelVariant: String, payload: String) throws -> PinnedResult {
        lock.lock(); defer { lock.unlock() }
        pins += 1
        if let r = rows[key(study, model)] { return r }
        let r = PinnedResult(id: Int64(rows.count + 1), payload: payload)
        rows[key(study, model)] = r
        return r
    }

    /// What another process with other numbers would have stored first.
    func plant(study: String, model: ModelFingerprint, payload: String) {
        lock.lock(); rows[key(study, model)] = PinnedResult(id: 99, payload: payload); lock.unlock()
    }
}

/// Issue 16: with a store, the engine shows the stored result, never a fresh one,
/// and runs a model once per (study, fingerprint) across engines (processes).
struct PinnedFindingsTests {
    func study(_ dir: TempDirectory) throws -> Study {
        let pixels = FindingsFixtures.image(width: 128, height: 128, value: 0, square: (0, 0, 64, 255))
        let folder = try FindingsFixtures.writeStudy(in: dir, folder: "ext", id: "EXT-1", kind: "extremity", modality: "CR",
                                                     images: [("images/1.png", 128, 128, pixels)])
        return try StudyLoader.load(folder: folder)
    }

    @Test func aSecondEngineReadsTheStoreInsteadOfRunning() throws {
        let dir = TempDirectory(); defer { dir.remove() }
        let s = try study(dir)
        let store = CountingStore()
        let registry = ModelRegistry.discover(directories: [FindingsFixtures.models])
        let first = try #require(try FindingsEngine(registry: registry, store: store).run(s))
        #expect(store.pins == 1)
        let model = try #require(first.models.first)
        #expect(model.resultID == 1 && model.fingerprint?.name == "fracture-synthetic")
        #expect(model.fingerprint?.modelSHA256 == SHA256.hash([UInt8](FileManager.default.contents(atPath: registry.models.first { $0.card.name == "fracture-synthetic" }!.modelPath)!)))

        let second = try #require(try FindingsEngine(registry: registry, store: store).run(s))
        #expect(store.pins == 1, "the second engine found the stored result and did not run the model")
        #expect(second.fracture == first.fracture)
        #expect(second.models.map(\.resultSHA256) == first.models.map(\.resultSHA256))
    }

    @Test func theStoredResultIsShownNotTheFreshOne() throws {
        let dir = TempDirectory(); defer { dir.remove() }
        let s = try study(dir)
        let registry = ModelRegistry.discover(directories: [FindingsFixtures.models])
        let fresh = try #require(try FindingsEngine(registry: registry).run(s)?.fracture)
        // Another process stored a result with other numbers first (a different CPU, say).
        var other = fresh
        other.perImage[0].probability = 0.123456789
        other = FractureFinding(perImage: other.perImage, operatingPoint: other.operatingPoint)
        let entry = try #require(registry.models.first { $0.card.name == "fracture-synthetic" })
        let store = CountingStore()
        store.plant(study: s.id, model: try entry.fingerprint(),
                    payload: try FindingsEngine.payload(.fracture(other), model: entry))
        let shown = try #require(try FindingsEngine(registry: registry, store: store).run(s))
        #expect(shown.fracture == other)
        #expect(shown.models.first?.resultID == 99)
        #expect(store.pins == 0)
    }

    @Test func payloadRoundTripsExactly() throws {
        let dir = TempDirectory(); defer { dir.remove() }
        let s = try study(dir)
        let registry = ModelRegistry.discover(directories: [FindingsFixtures.models])
        let entry = try #require(registry.models.first { $0.card.name == "fracture-synthetic" })
        let fresh = try #require(try FindingsEngine(registry: registry).run(s)?.fracture)
        let payload = try FindingsEngine.payload(.fracture(fresh), model: entry)
        let back = try FindingsEngine.decode(PinnedResult(id: 1, payload: payload), model: entry)
        #expect(back == .fracture(fresh))
        #expect(try FindingsEngine.payload(back, model: entry) == payload, "canonical: the same bytes again")
    }

    @Test func unreadableOrMismatchedStoredResultsAreRefused() throws {
        let registry = ModelRegistry.discover(directories: [FindingsFixtures.models])
        let entry = try #require(registry.models.first { $0.card.name == "fracture-synthetic" })
        #expect(throws: FindingsError.self) { try FindingsEngine.decode(PinnedResult(id: 4, payload: "{not json"), model: entry) }
        let spine = FindingsEngine.TaskResult.spine(SpineFinding(image: "a.png", levels: []))
        let text = try FindingsEngine.payload(spine, model: entry)
        do {
            _ = try FindingsEngine.decode(PinnedResult(id: 5, payload: text), model: entry)
            Issue.record("a spine result under a fracture model was accepted")
        } catch let e as FindingsError {
            #expect(e.coordinates == "stored AI result 5" && e.problem.contains("spine"), "\(e)")
        }
        // A heat map whose values do not fill it is refused, not trapped on.
        let broken = #"{"fracture":{"_0":{"abnormal":false,"operatingPoint":0.5,"probability":0.1,"perImage":[{"image":"a","logit":0,"probability":0.1,"cam":{"width":2,"height":2,"values":[1],"rect":{"x":0,"y":0,"width":1,"height":1}}}]}}}"#
        #expect(throws: FindingsError.self) { try FindingsEngine.decode(PinnedResult(id: 6, payload: broken), model: entry) }
    }

    /// A result is stored under the fingerprint the engine took first; if the file is
    /// replaced before the model loads, the engine refuses rather than store another
    /// model's numbers under that fingerprint.
    @Test func aModelReplacedBeforeItLoadsIsRefused() throws {
        let dir = TempDirectory(); defer { dir.remove() }
        let s = try study(dir)
        let folder = dir.file("models/fracture-synthetic")
        try FileManager.default.createDirectory(atPath: dir.file("models"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: FindingsFixtures.models + "/fracture-synthetic", toPath: folder)
        let registry = ModelRegistry.discover(directories: [dir.file("models")])
        let engine = FindingsEngine(registry: registry, store: CountingStore())
        let entry = try #require(registry.models.first)
        let before = try engine.fingerprint(entry)
        // Same graph, new bytes: ModelProto field 6 (doc_string) appended.
        var bytes = [UInt8](try #require(FileManager.default.contents(atPath: entry.modelPath)))
        bytes += [0x32, 0x01, 0x78]
        try Data(bytes).write(to: URL(fileURLWithPath: entry.modelPath))
        do {
            _ = try engine.run(s)
            Issue.record("the replaced model ran under the old fingerprint")
        } catch let e as FindingsError {
            #expect(e.problem.contains("changed while Lightbox was running") && e.problem.contains(before.modelSHA256), "\(e)")
        }
        // A new engine (a restart) fingerprints the new bytes and runs.
        #expect(try FindingsEngine(registry: registry, store: CountingStore()).run(s)?.models.first?.fingerprint?.modelSHA256 == SHA256.hash(bytes))
    }
}

