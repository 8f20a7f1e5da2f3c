/// How the cases of one reader's session are ordered when the session mixes
/// arms (crossover, split-plot).
public enum SessionOrdering: String, Sendable, Codable, CaseIterable {
    /// One block per arm, each block shuffled; the reader's arm order is the
    /// same in every session (group g starts with arm g). Fewer mode switches
    /// and a screen that does not flip between aided and unaided every case.
    case blockedByArm = "blocked"
    /// All cases of the session shuffled together, arms interleaved. The
    /// groups still counterbalance which case block is aided in which session,
    /// but the arm of a session's first case is left to the shuffle.
    case interleaved
}
