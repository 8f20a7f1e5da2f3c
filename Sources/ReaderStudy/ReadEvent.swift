/// One step of a read, as the timing rules see it. `monotonicNanos` comes from
/// a monotonic clock and is only comparable within one `appSession` (one run of
/// the program); a gap between app sessions is a quit or crash and never counts.
public struct ReadEvent: Sendable, Equatable, Codable {
    public var kind: EventKind
    public var appSession: String
    public var monotonicNanos: UInt64
    public var wallTime: Double  // seconds since 1970, for display and washout only
    public var finding: String?
    public var value: String?

    public init(kind: EventKind, appSession: String, monotonicNanos: UInt64, wallTime: Double,
                finding: String? = nil, value: String? = nil) {
        self.kind = kind; self.appSession = appSession; self.monotonicNanos = monotonicNanos
        self.wallTime = wallTime; self.finding = finding; self.value = value
    }
}
