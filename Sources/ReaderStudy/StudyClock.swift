import Foundation

/// Where the study's "now" comes from, so tests (and a coordinator's
/// dry run) can move past a washout without waiting.
public protocol StudyClock: Sendable {
    var now: Date { get }
}

/// The real wall clock.
public struct SystemStudyClock: StudyClock {
    public init() {}
    public var now: Date { Date() }
}
