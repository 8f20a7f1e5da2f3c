import Common

/// The one error type of the Findings module: model folders, cards, graphs that do
/// not match their card, and studies a model cannot read. Coordinates name the file
/// (and field) so a site fixing its own model knows where to look.
public enum FindingsError: UserFacingError, Equatable {
    /// `card.json` is unreadable, malformed or inconsistent at `field`.
    case card(path: String, field: String, problem: String)
    /// `model.onnx` cannot be loaded or does not match its card.
    case model(path: String, problem: String)
    /// A model folder or directory that cannot be used.
    case folder(path: String, problem: String)
    /// No model of this name in the registry.
    case unknownModel(name: String, known: [String])
    /// A study (or one of its images) the model cannot run on.
    case study(coordinates: String, problem: String)
    /// A `reference.json` that cannot be used for validation.
    case reference(path: String, field: String, problem: String)
    /// A stored (pinned) AI result that cannot be used.
    case pinnedResult(id: Int64, problem: String)

    public var coordinates: String {
        switch self {
        case .card(let path, let field, _): return field.isEmpty ? path : "\(path): field '\(field)'"
        case .model(let path, _), .folder(let path, _): return path
        case .unknownModel(let name, _): return "model \(name)"
        case .study(let coordinates, _): return coordinates
        case .reference(let path, let field, _): return field.isEmpty ? path : "\(path): field '\(field)'"
        case .pinnedResult(let id, _): return "stored AI result \(id)"
        }
    }

    public var problem: String {
        switch self {
        case .card(_, _, let p), .model(_, let p), .folder(_, let p), .study(_, let p), .reference(_, _, let p), .pinnedResult(_, let p): return p
        case .unknownModel(_, let known):
            return known.isEmpty ? "no such model (no models are installed)" : "no such model (installed: \(known.joined(separator: ", ")))"
        }
    }
}
