import Common

/// Problems of the reading screen's own logic (storage and decoding errors
/// come from their modules).
public enum ReadingAppError: UserFacingError, Equatable {
    /// A second read was asked of a study that has none (not the sequential arm).
    case noSecondPass(study: String)
    /// Practice feedback without a reference source.
    case noFeedbackSource

    public var coordinates: String {
        switch self {
        case .noSecondPass(let study): return "study \(study)"
        case .noFeedbackSource: return "practice"
        }
    }

    public var problem: String {
        switch self {
        case .noSecondPass: return "its arm has no second, AI-revealed read"
        case .noFeedbackSource: return "no reference is available for feedback"
        }
    }
}
