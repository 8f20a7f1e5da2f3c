/// A finding where the trainee disagreed with the reference, for `practice review`.
public struct Discrepancy: Sendable, Equatable {
    public var caseID: String
    public var feedback: FindingFeedback

    /// The model had it right where the reader did not.
    public var modelWasRight: Bool { feedback.modelVsReference == .agree }
}
