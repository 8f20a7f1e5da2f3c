/// Why a reading screen is open.
public enum ReadingMode: Sendable, Equatable {
    /// Ordinary reading: the AI is shown, no reference.
    case clinical
    /// A reader-study session under one arm.
    case experiment(StudyArm)
    /// Trainee practice: an unaided read, then feedback with the model and the reference.
    case practice
}
