/// How two values of one finding compare.
public enum Agreement: String, Sendable, Equatable, Codable {
    case agree
    case disagree
    /// One side has no value (no model ran, no reference, not read).
    case missing
}
