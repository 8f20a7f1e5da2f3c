@testable import ReaderStudy

/// Builds event streams the way the reading screen would log them: times in
/// seconds of the current app session's monotonic clock.
struct EventScript {
    private(set) var events: [ReadEvent] = []
    private var appSession = "app-1"
    private var sessionNumber = 1

    /// A new run of the program (after a quit or crash); its monotonic clock starts anywhere.
    mutating func restart() {
        sessionNumber += 1
        appSession = "app-\(sessionNumber)"
    }

    mutating func at(_ seconds: Double, _ kind: EventKind, wall: Double? = nil) {
        events.append(ReadEvent(kind: kind, appSession: appSession, monotonicNanos: UInt64(seconds * 1e9),
                                wallTime: wall ?? 1_780_000_000 + seconds))
    }
}
