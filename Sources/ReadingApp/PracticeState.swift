import ReaderStudy

/// Trainee practice on the reading screen: an unaided read, then, after the
/// sign, a feedback screen with the model's values and the reference, and the
/// running scoreboard. The reference is not in this state (nor anywhere in the
/// app) until a read is signed: `FeedbackSource` loads it after the sign.
public struct PracticeState: Sendable, Equatable {
    public enum Stage: Sendable, Equatable {
        case reading
        /// Signed; the reference and the read's time are being loaded.
        case scoring(studyId: String)
        /// The feedback screen of a signed study; any key moves on.
        case showing(studyId: String)
    }

    /// Signed practice cases, oldest first (earlier sessions included): the scoreboard's data.
    public var cases: [PracticeCase]
    public var stage: Stage = .reading
    /// The model's values per study, from a run while the trainee reads. Kept off
    /// screen; they reach the signed read (as its AI values) and the feedback.
    public var modelValues: [String: [String: String]] = [:]
    /// Each study's models as the feedback names them, with their intended use (phantom-trained).
    public var modelNotes: [String: [String]] = [:]
    /// S was pressed while the model was still running: sign when it finishes.
    public var signWaiting = false
    /// The case on the feedback screen, or why it could not be scored.
    public var feedback: PracticeCase?
    public var feedbackError: String?

    public init(cases: [PracticeCase] = []) { self.cases = cases }

    /// Over every signed case so far; nil when a value cannot be scored.
    public var scoreboard: PracticeScoreboard? { try? PracticeScoreboard(cases: cases) }
}
