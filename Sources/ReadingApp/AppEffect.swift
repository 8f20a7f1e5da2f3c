import ReaderStudy
import Worklist

/// Work the reducer asks for; `EffectRunner` performs it. Effects are values
/// so reducer tests can assert exactly what would happen.
public enum AppEffect: Sendable, Equatable {
    case openRead(Study)
    case renderImage(RenderRequest)
    case runModels(Study)
    /// Runs the models on queued studies one by one in the background, for their queue flags.
    case prefetchModels([Study])
    case record(readId: Int64, kind: EventKind, finding: String?, value: String?)
    case saveDraft(readId: Int64, decisions: [FindingDecision], confidence: Int?)
    /// `aiResults`: the pinned AI results on screen when the reader signed (empty: none shown).
    case sign(readId: Int64, studyId: String, decisions: [FindingDecision], confidence: Int?, aiResults: [Int64] = [])
    case closeRead(readId: Int64)
    /// Opens the sequential arm's second read, carrying the first read's values.
    case openSecondPass(Study, decisions: [FindingDecision], confidence: Int?)
    /// Practice: the model's values for the feedback, kept off screen until sign.
    case runPracticeModel(Study)
    /// Practice, after sign: loads the reference and the read's time for the feedback screen.
    case scorePractice(Study, readId: Int64, decisions: [FindingDecision])
}
