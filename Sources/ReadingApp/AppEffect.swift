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
    case sign(readId: Int64, studyId: String, decisions: [FindingDecision], confidence: Int?)
    case closeRead(readId: Int64)
}
