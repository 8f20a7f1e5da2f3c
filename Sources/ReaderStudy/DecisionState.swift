/// Where a reader stands on one finding.
public enum DecisionState: String, Sendable, Codable, CaseIterable {
    case pending
    case accepted
    case overridden
}
