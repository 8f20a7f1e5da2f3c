/// The three kinds of study Lightbox reads; each has its own findings and model.
public enum StudyKind: String, Sendable, Codable, CaseIterable {
    case hand
    case extremity
    case spine

    public var displayName: String {
        switch self {
        case .hand: return "Hand (bone age)"
        case .extremity: return "Extremity (fracture)"
        case .spine: return "Lumbar spine"
        }
    }
}
