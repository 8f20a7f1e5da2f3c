/// One finding on which the AI made a call and the reader signed a decision.
public struct AIDecision: Sendable, Equatable {
    public var reader: String
    /// Reader experience group (e.g. "resident", "consultant"), when known.
    public var experience: String?
    /// Whether the AI's call agreed with the reference standard.
    public var aiCorrect: Bool
    /// Whether the reader's signed decision agreed with the AI's call (accepted) or not (overridden).
    public var acceptedAI: Bool

    public init(reader: String, experience: String? = nil, aiCorrect: Bool, acceptedAI: Bool) {
        self.reader = reader
        self.experience = experience
        self.aiCorrect = aiCorrect
        self.acceptedAI = acceptedAI
    }
}
