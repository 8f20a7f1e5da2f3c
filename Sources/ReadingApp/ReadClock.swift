import Foundation

/// Time stamps for events: a monotonic reading for durations and the wall
/// clock for display and washout. Injectable so tests control both.
public protocol ReadClock: Sendable {
    func monotonicNanos() -> UInt64
    func wallTime() -> Double
}

/// CLOCK_MONOTONIC (never jumps with NTP or the user changing the time).
public struct SystemReadClock: ReadClock {
    public init() {}
    public func monotonicNanos() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
    public func wallTime() -> Double { Date().timeIntervalSince1970 }
}
