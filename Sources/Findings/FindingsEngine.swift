import Dispatch
import Foundation
import Imaging
import Inference
import Worklist

/// Runs the registry's models on studies. Safe to call from any thread: sessions are loaded
/// once and run one at a time; results are cached in memory per (study id, model name,
/// model version), so reopening a study does not run its models again.
public final class FindingsEngine: @unchecked Sendable {
    public let registry: ModelRegistry
    public let threads: Int
    private let lock = NSLock()
    private var sessions: [String: LoadedModel] = [:]
    private var cache: [CacheKey: TaskResult] = [:]

    struct CacheKey: Hashable { var study: String; var model: String; var version: String }

    enum TaskResult {
        case fracture(FractureFinding)
        case boneAge(BoneAgeFinding)
        case spine(SpineFinding)
    }

    public init(registry: ModelRegistry, threads: Int = 1) {
        self.registry = registry
        self.threads = threads
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
        var findings = StudyFindings(studyId: study.id, kind: study.kind, models: entries.map { .init(card: $0.card) })
        for entry in entries {
            let key = CacheKey(study: study.id, model: entry.card.name, version: entry.card.version)
            let result: TaskResult
            if let cached = cached(key) {
                result = cached
            } else {
                result = try compute(entry, study: study)
                store(key, result)
            }
            switch result {
            case .fracture(let f): findings.fracture = f
            case .boneAge(let b): findings.boneAge = b
            case .spine(let s): findings.spine = s
            }
        }
        findings.latencyMs = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        return findings
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

    private func cached(_ key: CacheKey) -> TaskResult? {
        lock.lock(); defer { lock.unlock() }
        return cache[key]
    }

    private func store(_ key: CacheKey, _ result: TaskResult) {
        lock.lock(); cache[key] = result; lock.unlock()
    }

    private func compute(_ entry: ModelEntry, study: FindingsStudy) throws -> TaskResult {
        let model = try loaded(entry)
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
