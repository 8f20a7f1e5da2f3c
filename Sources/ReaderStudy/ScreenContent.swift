/// Something a reader-facing screen may put in front of a reader.
public enum ScreenContent: Sendable, Equatable {
    /// AI values, probabilities, heat maps and level markers of the model.
    case aiFindings
    /// AI severity or probability flags in the queue.
    case queueFlags
    /// The reference (ground truth) of the case.
    case reference
    /// The model's values shown as feedback next to the reader's signed read.
    case modelFeedback
    /// A read signed by this reader / by another reader.
    case read(author: String)
    /// Coordinator tools: export, report, progress of other readers.
    case coordinatorTools
    /// The name of the arm a case is read under.
    case armLabel
}
