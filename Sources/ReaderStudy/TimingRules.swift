/// How reading time is derived from a case's events. See Docs/TIMING.md for
/// the definitions and worked examples.
public struct TimingRules: Sendable, Equatable, Codable {
    public var idleThreshold: Double  // seconds
    public var idleRule: IdleRule

    public static let standard = TimingRules(idleThreshold: 60, idleRule: .capAtThreshold)

    public init(idleThreshold: Double = 60, idleRule: IdleRule = .capAtThreshold) {
        self.idleThreshold = idleThreshold; self.idleRule = idleRule
    }
}
