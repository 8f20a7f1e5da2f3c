import Foundation

/// A one-way switch shared with background work: set once when the program
/// ends, so long-running loops (model prefetch) stop between items.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false

    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return stopped }
    func set() { lock.lock(); stopped = true; lock.unlock() }
}
