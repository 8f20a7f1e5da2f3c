/// Which read of a case: every arm has a first read; only the sequential arm
/// has a second (AI-revealed) read. Raw values go into the `value` of the
/// `signed` event, so they are a file format.
public enum ReadPass: String, Sendable, Codable, CaseIterable, Comparable {
    case first
    case second

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .first && rhs == .second }
}
