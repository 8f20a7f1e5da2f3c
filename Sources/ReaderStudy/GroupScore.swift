/// Scores of one finding group (e.g. "canalStenosis" over every level).
public struct GroupScore: Sendable, Equatable {
    public var group: String
    /// Findings with both a reader value and a reference.
    public var count: Int
    /// Share of those where the reader agreed with the reference.
    public var agreement: Double?
    /// Categorical groups: κ, and linearly weighted κ for ordered scales of
    /// more than two categories, reader against reference.
    public var kappa: Double?
    public var weightedKappa: Double?
    /// Bone age: mean absolute difference in months, reader and model against the reference.
    public var readerMAD: Double?
    public var modelMAD: Double?
}
