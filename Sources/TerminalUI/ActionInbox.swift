import Foundation

/// Actions posted from background work (image decode, inference) to the
/// program loop, which drains the inbox between key presses. A lock, not an
/// actor, because the loop is a plain blocking loop around the terminal.
public final class ActionInbox<Action: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Action] = []

    public init() {}

    public func post(_ action: Action) {
        lock.lock(); pending.append(action); lock.unlock()
    }

    public func drain() -> [Action] {
        lock.lock(); defer { lock.unlock() }
        let out = pending
        pending.removeAll()
        return out
    }
}
