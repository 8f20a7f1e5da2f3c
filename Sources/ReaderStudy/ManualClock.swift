import Foundation
import Synchronization

/// A clock that only moves when told. A class so that the code holding it
/// sees the moves a test makes; the mutex makes it safe to share.
public final class ManualClock: StudyClock {
    private let current: Mutex<Date>

    public init(_ start: Date) { current = Mutex(start) }

    public var now: Date { current.withLock { $0 } }

    public func set(_ date: Date) { current.withLock { $0 = date } }

    public func advance(seconds: TimeInterval) { current.withLock { $0 += seconds } }

    public func advance(days: Int) { advance(seconds: TimeInterval(days) * 86_400) }
}
