import Common
import Dispatch
import Foundation
import Imaging
import Inference
import Worklist

/// Runs the registry's models on studies. Safe to call from any thread: sessions are loaded
/// once and run one at a time; results are cached in memory per (study id, model
/// fingerprint), so reopening a study does not run its models again.
///
/// With a `store`, each result is pinned: looked up by (study, fingerprint) first, computed
/// only when none is stored, and what is returned is always the stored JSON decoded, so every
/// process sharing the store shows the same bytes (issue 16).
public final class FindingsEngine: @unchecked Sendable {
    public let registry: ModelRegistry
    public let threads: Int
    public let store: (any PinnedResultStore)?
    private let lock = NSLock()
    private var sessions: [String: LoadedModel] = [:]
    private var fingerprints: [String: ModelFingerprint] = [:]
    private var cache: [CacheKey: Cached] = [:]

    struct CacheKey: Hashable { var study: String; var model: ModelFingerprint }
    struct Cached { var result: TaskResult; var id: Int64?; var sha256: String? }

    /// One model's finding, as pinned: its JSON is the stored payload.
    enum TaskResult: Codable, Equatable {
        case fracture(FractureFinding)
        case boneAge(BoneAgeFinding)
        case spine(SpineFinding)
    }

    public init(registry: ModelRegistry, threads: Int = 1, store: (any PinnedResultStore)? = nil) {
        self.registry = registry
        self.threads = threads
        self.store = store
    }

    /// The models that apply to this study (one per task).
    public func models(for study: FindingsStudy) -> [ModelEntry] {
        registry.models(for: study.kind, modality: study.modality)
    }

    /// Findings for a library study; nil when no installed model applies to it.
    public func run(_ study: Study) throws -> StudyFindings? {
        try run(FindingsStudy(study))
    }

    public func run(_ study: FindingsStudy) throws -> StudyFindings? {
        let start = DispatchTime.now().uptimeNanoseconds
        let entries = models(for: study)
        guard !entries.isEmpty else { return nil }
        var findings = StudyFindings(studyId: study.id, kind: study.kind, models: [])
        for entry in entries {
            let fingerprint = try self.fingerprint(entry)
            let key = CacheKey(study: study.id, model: fingerprint)
            let done: Cached
            if let hit = cached(key) {
                done = hit
            } else {
                done = try result(entry, fingerprint: fingerprint, study: study)
                remember(key, done)
            }
            findings.models.append(.init(card: entry.card, fingerprint: fingerprint, resultID: done.id, resultSHA256: done.sha256))
            switch done.result {
            case .fracture(let f): findings.fracture = f
            case .boneAge(let b): findings.boneAge = b
            case .spine(let s): findings.spine = s
            }
        }
        findings.latencyMs = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        return findings
    }

    /// The fingerprint of a model folder, from its bytes the first time this engine uses it.
    /// The engine keeps the session it loaded then, so the fingerprint names what runs.
    public func fingerprint(_ entry: ModelEntry) throws -> ModelFingerprint {
        lock.lock()
        if let f = fingerprints[entry.folder] { lock.unlock(); return f }
        lock.unlock()
        let f = try entry.fingerprint()
        lock.lock(); defer { lock.unlock() }
        if let first = fingerprints[entry.folder] { return first }
        fingerprints[entry.folder] = f
        return f
    }

    private func result(_ entry: ModelEntry, fingerprint: ModelFingerprint, study: FindingsStudy) throws -> Cached {
        guard let store else { return Cached(result: try compute(entry, fingerprint: fingerprint, study: study), id: nil, sha256: nil) }
        let pinned: PinnedResult
        if let hit = try store.pinnedResult(study: study.id, model: fingerprint) {
            pinned = hit
        } else {
            let fresh = try compute(entry, fingerprint: fingerprint, study: study)
            pinned = try store.pin(study: study.id, model: fingerprint, engineVersion: LightboxVersion.current,
                                   kernelVariant: "\(KernelSelection.variant.rawValue) (blas \(BLAS.coreName))", payload: try Self.payload(fresh, model: entry))
        }
        return Cached(result: try Self.decode(pinned, model: entry), id: pinned.id, sha256: SHA256.hash(pinned.payload))
    }

    /// Canonical JSON (sorted keys; doubles and floats in their shortest exact form).
    static func payload(_ result: TaskResult, model: ModelEntry) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(result), as: UTF8.self)
        } catch {
            throw FindingsError.model(path: model.modelPath, problem: "its result cannot be stored (\(error))")
        }
    }

    static func decode(_ pinned: PinnedResult, model: ModelEntry) throws -> TaskResult {
        let result: TaskResult
        do { result = try JSONDecoder().decode(TaskResult.self, from: Data(pinned.payload.utf8)) } catch {
            throw FindingsError.pinnedResult(id: pinned.id, problem: "cannot be read back (\(error))")
        }
        let task: ModelTask = switch result { case .fracture: .fracture; case .boneAge: .boneAge; case .spine: .spine }
        guard task == model.card.task else {
            throw FindingsError.pinnedResult(id: pinned.id, problem: "holds a \(task.rawValue) result, but \(model.card.name) is a \(model.card.task.rawValue) model")
        }
        return result
    }

    /// The loaded session of a model (loaded and checked on first use).
    public func loaded(_ entry: ModelEntry) throws -> LoadedModel {
        lock.lock()
        defer { lock.unlock() }
        if let s = sessions[entry.folder] { return s }
        let s = try LoadedModel(entry: entry, threads: threads)
        sessions[entry.folder] = s
        return s
    }

    /// Drops cached results (sessions stay loaded).
    public func clearCache() {
        lock.lock(); cache = [:]; lock.unlock()
    }

    private func cached(_ key: CacheKey) -> Cached? {
        lock.lock(); defer { lock.unlock() }
        return cache[key]
    }

    private func remember(_ key: CacheKey, _ done: Cached) {
        lock.lock(); cache[key] = done; lock.unlock()
    }

    private func compute(_ entry: ModelEntry, fingerprint: ModelFingerprint, study: FindingsStudy) throws -> TaskResult {
        let model = try loaded(entry)
        // The result is stored under `fingerprint`: the bytes that run must be those bytes,
        // even if the file was replaced between hashing it and loading it.
        guard model.modelSHA256 == fingerprint.modelSHA256 else {
            throw FindingsError.model(path: entry.modelPath, problem: "changed while Lightbox was running (sha256 was \(fingerprint.modelSHA256), is now \(model.modelSHA256)); restart to use the new file")
        }
        let card = entry.card
        switch card.task {
        case .fracture:
            guard !study.images.isEmpty else { throw FindingsError.study(coordinates: "study \(study.id)", problem: "has no images") }
            var perImage: [FractureFinding.ImageResult] = []
            for image in study.images {
                let (outputs, prepared, _) = try runImage(model, image: image, sex: nil)
                perImage.append(try FractureHead.image(image.name, outputs: outputs, card: card, modelPath: entry.modelPath, geometry: prepared.geometry,
                                                       camSource: model.camSource))
            }
            return .fracture(FractureFinding(perImage: perImage, operatingPoint: card.threshold))
        case .boneAge:
            guard let image = study.images.first else { throw FindingsError.study(coordinates: "study \(study.id)", problem: "has no images") }
            let (outputs, _, _) = try runImage(model, image: image, sex: study.sex)
            return .boneAge(try BoneAgeHead.finding(outputs: outputs, card: card, modelPath: entry.modelPath,
                                                    sex: study.sex, chronologicalMonths: study.ageMonths.map(Double.init)))
        case .spine:
            guard let image = study.middleSlice else { throw FindingsError.study(coordinates: "study \(study.id)", problem: "has no images") }
            let (outputs, prepared, spacing) = try runImage(model, image: image, sex: nil)
            return .spine(try SpineHead.finding(image: image.name, outputs: outputs, card: card, modelPath: entry.modelPath,
                                                geometry: prepared.geometry, spacing: spacing))
        }
    }

    private func runImage(_ model: LoadedModel, image: FindingsStudy.Image, sex: FindingsStudy.Sex?)
        throws -> ([String: Tensor], InputPreparation.Prepared, PixelSpacing?) {
        let card = model.entry.card
        let buffer = try ImageLoader.load(path: image.path)
        let prepared = try InputPreparation.prepare(buffer: buffer, declaredWindow: image.declaredWindow, input: card.input)
        var feeds = [card.input.name: prepared.tensor]
        if let sexInput = card.input.sexInput {
            feeds[sexInput.name] = Tensor(shape: [1, 1], floats: [BoneAgeHead.sexValue(sex ?? .other, card: sexInput)])
        }
        return (try model.run(feeds), prepared, buffer.pixelSpacing ?? image.declaredSpacing)
    }
}
