import Foundation
import ReadingApp

/// A clock tests move by hand.
public final class ManualReadClock: ReadClock, @unchecked Sendable {
    private let lock = NSLock()
    private var mono: UInt64
    private var wall: Double

    public init(monotonicNanos: UInt64 = 1_000_000_000, wallTime: Double = 1_790_000_000) {
        mono = monotonicNanos; wall = wallTime
    }

    public func advance(seconds: Double) {
        lock.lock(); defer { lock.unlock() }
        mono += UInt64(seconds * 1e9); wall += seconds
    }

    public func monotonicNanos() -> UInt64 { lock.lock(); defer { lock.unlock() }; return mono }
    public func wallTime() -> Double { lock.lock(); defer { lock.unlock() }; return wall }
}
