import Common

/// What a model answers; decides which outputs the card must name and which head reads them.
public enum ModelTask: String, Codable, Sendable, CaseIterable {
    case fracture
    case boneAge
    case spine

    /// Output roles the card must map to graph outputs (besides the alternatives below).
    var requiredOutputs: [String] {
        switch self {
        case .fracture: return []  // "logit" or "probability"; "cam" optional (LoadedModel derives one)
        case .boneAge: return ["mean"]
        case .spine: return ["levels", "canalStenosis", "pfirrmann", "listhesis"]
        }
    }

    /// The study kind whose findings this task fills.
    public var studyKind: StudyKind {
        switch self {
        case .fracture: return .extremity
        case .boneAge: return .hand
        case .spine: return .spine
        }
    }
}
