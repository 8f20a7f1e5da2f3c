/// The reader's decision on one finding: the AI's value (nil when the arm hides
/// the AI or no model ran), the reader's value, and how it was reached.
/// `finding` is a stable key such as "fracture.study", "boneAge.months" or
/// "spine.L4-L5.canalStenosis".
public struct FindingDecision: Sendable, Equatable, Codable {
    public var finding: String
    public var aiValue: String?
    public var readerValue: String?
    public var state: DecisionState
    public var reason: String?

    public init(finding: String, aiValue: String?, readerValue: String? = nil,
                state: DecisionState = .pending, reason: String? = nil) {
        self.finding = finding; self.aiValue = aiValue; self.readerValue = readerValue
        self.state = state; self.reason = reason
    }
}
