import Common
import Foundation

extension ModelCard {
    /// Decodes and validates `card.json` bytes; `path` only names the file in errors.
    public static func parse(_ bytes: [UInt8], path: String) throws -> ModelCard {
        let card: ModelCard
        do {
            card = try JSONDecoder().decode(ModelCard.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw FindingsError.card(path: path, field: DecodingText.fieldPath(ctx.codingPath + [key]), problem: "required field is missing")
        } catch let DecodingError.typeMismatch(type, ctx) {
            throw FindingsError.card(path: path, field: DecodingText.fieldPath(ctx.codingPath), problem: "expected \(DecodingText.describe(type))")
        } catch let DecodingError.valueNotFound(type, ctx) {
            throw FindingsError.card(path: path, field: DecodingText.fieldPath(ctx.codingPath), problem: "expected \(DecodingText.describe(type)), found null")
        } catch let DecodingError.dataCorrupted(ctx) {
            if ctx.codingPath.isEmpty { throw FindingsError.card(path: path, field: "", problem: "not valid JSON") }
            throw FindingsError.card(path: path, field: DecodingText.fieldPath(ctx.codingPath), problem: allowed(ctx.codingPath) ?? ctx.debugDescription)
        } catch {
            throw FindingsError.card(path: path, field: "", problem: "not valid JSON")
        }
        try card.validate(path: path)
        return card
    }

    /// Checks what types cannot: versions, sizes, the outputs each task needs, numbers in range.
    public func validate(path: String) throws {
        func fail(_ field: String, _ problem: String) -> FindingsError { .card(path: path, field: field, problem: problem) }
        guard formatVersion == Self.currentFormatVersion else {
            throw fail("formatVersion", "version \(formatVersion) is not supported (expected \(Self.currentFormatVersion))")
        }
        guard !name.isEmpty, !name.contains("/"), !name.contains(where: \.isWhitespace) else {
            throw fail("name", "must be a non-empty name without spaces or '/'")
        }
        guard !version.isEmpty, !version.contains(where: \.isNewline) else { throw fail("version", "must be a non-empty single line") }
        guard !appliesTo.kinds.isEmpty else { throw fail("appliesTo.kinds", "must list at least one study kind") }
        guard appliesTo.kinds.contains(task.studyKind) else {
            throw fail("appliesTo.kinds", "a \(task.rawValue) model must apply to \(task.studyKind.rawValue) studies")
        }
        guard !input.name.isEmpty else { throw fail("input.name", "must name the graph input") }
        guard (1...4096).contains(input.height) else { throw fail("input.height", "\(input.height) is not a size in pixels (1…4096)") }
        guard (1...4096).contains(input.width) else { throw fail("input.width", "\(input.width) is not a size in pixels (1…4096)") }
        guard input.channels == 1 || input.channels == 3 else { throw fail("input.channels", "must be 1 or 3, got \(input.channels)") }
        let norm = input.normalisation
        guard norm.mean.count == 1 || norm.mean.count == input.channels else {
            throw fail("input.normalisation.mean", "give one mean or one per channel (\(input.channels))")
        }
        guard norm.std.count == 1 || norm.std.count == input.channels else {
            throw fail("input.normalisation.std", "give one std or one per channel (\(input.channels))")
        }
        guard norm.std.allSatisfy({ $0 > 0 && $0.isFinite }), norm.mean.allSatisfy(\.isFinite) else {
            throw fail("input.normalisation.std", "must be positive and finite")
        }
        if case .fixed(_, let width) = input.window, !(width > 0) {
            throw fail("input.window.width", "must be positive")
        }
        if task == .boneAge {
            guard let sex = input.sexInput else { throw fail("input.sexInput", "a bone-age model needs the patient's sex as an input") }
            guard !sex.name.isEmpty, sex.name != input.name else { throw fail("input.sexInput.name", "must name a second graph input") }
        }
        for role in task.requiredOutputs where (outputs[role] ?? "").isEmpty {
            throw fail("outputs.\(role)", "required for a \(task.rawValue) model")
        }
        if task == .boneAge, outputs["logVariance"] == nil, outputs["std"] == nil {
            throw fail("outputs", "a bone-age model needs \"logVariance\" or \"std\" for its interval")
        }
        if task == .fracture {
            guard !(outputs["logit"] ?? "").isEmpty || !(outputs["probability"] ?? "").isEmpty else {
                throw fail("outputs", "a fracture model needs \"logit\" or \"probability\"")
            }
            guard let op = operatingPoint else { throw fail("operatingPoint", "required for a fracture model") }
            guard op > 0, op < 1 else { throw fail("operatingPoint", "must be a probability strictly between 0 and 1") }
        }
        if let c = calibration, c.method == .temperature {
            guard let t = c.temperature, t > 0, t.isFinite else { throw fail("calibration.temperature", "must be a positive number") }
        }
        if let slice = spineSlice, slice != "middle" {
            throw fail("spineSlice", "only \"middle\" is supported")
        }
        guard !intendedUse.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw fail("intendedUse", "must say what the model is for (and, for phantom-trained models, that it is not for clinical use)")
        }
    }


    private static func allowed(_ keys: [any CodingKey]) -> String? {
        let last = keys.last?.stringValue
        if keys.contains(where: { $0.stringValue == "kinds" }) {
            return "must be one of " + StudyKind.allCases.map(\.rawValue).joined(separator: ", ")
        }
        switch last {
        case "task": return "must be one of " + ModelTask.allCases.map(\.rawValue).joined(separator: ", ")
        case "resize": return "must be \"letterbox\" or \"stretch\""
        case "window": return "must be \"default\", \"minmax\" or {\"center\": c, \"width\": w}"
        case "method": return "must be \"none\" or \"temperature\""
        default: return nil
        }
    }
}
