import Worklist

/// Where practice feedback comes from. Called by the effect runner only after
/// a read is signed, so the reference never reaches the screen before.
public struct FeedbackSource: Sendable {
    /// The reference value of each finding key of a study (from its reference.json).
    public var reference: @Sendable (Study) throws -> [String: String]
    /// Active reading time of a signed read (Docs/TIMING.md), nil when unknown.
    public var activeSeconds: @Sendable (Int64) throws -> Double?

    public init(reference: @escaping @Sendable (Study) throws -> [String: String],
                activeSeconds: @escaping @Sendable (Int64) throws -> Double?) {
        self.reference = reference; self.activeSeconds = activeSeconds
    }
}
