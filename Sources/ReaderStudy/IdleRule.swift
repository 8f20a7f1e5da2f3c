/// What an idle gap (a gap between two events longer than the threshold)
/// contributes to active time.
public enum IdleRule: String, Sendable, Codable, CaseIterable {
    /// The first `threshold` seconds of the gap count as active (the reader
    /// may well have been looking), the rest is idle. This is what an app
    /// timer that logs `idle` after `threshold` seconds without input measures.
    case capAtThreshold = "cap"
    /// The whole gap is idle.
    case excludeWholeGap = "exclude"
}
