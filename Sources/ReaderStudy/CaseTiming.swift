/// Reading time of one reader on one case, in nanoseconds of the monotonic
/// clock. `total = active + paused + idle` and `active = beforeAI + afterAI`.
public struct CaseTiming: Sendable, Equatable, Codable {
    /// On screen from `opened` to the last `signed`, without closed periods
    /// and without the gaps between app sessions (quit or crash).
    public var totalNanos: UInt64 = 0
    public var activeNanos: UInt64 = 0
    /// Between `paused` and `resumed`.
    public var pausedNanos: UInt64 = 0
    /// Idle gaps (beyond the threshold) and time after an explicit `idle` event.
    public var idleNanos: UInt64 = 0
    /// Active time before the first `aiRevealed`.
    public var beforeAINanos: UInt64 = 0
    /// Active time from the first `aiRevealed` on (hiding the AI again does not
    /// make the reader unaided).
    public var afterAINanos: UInt64 = 0
    /// Active time while the AI was on screen.
    public var aiVisibleNanos: UInt64 = 0
    /// Each signed pass (sequential: unaided read, then aided read): the same
    /// measures from the previous `signed` (or the start) to this one.
    public var passes: [PassTiming] = []
    /// How many times the case was opened.
    public var opens: Int = 0
    /// App-session changes while the case was open without `closed`: crashes
    /// or kills. Their gaps are never counted.
    public var interruptions: Int = 0
    /// Whether the stream reaches a `signed` event.
    public var isSigned: Bool = false

    public init() {}

    public var total: Double { Self.seconds(totalNanos) }
    public var active: Double { Self.seconds(activeNanos) }
    public var paused: Double { Self.seconds(pausedNanos) }
    public var idle: Double { Self.seconds(idleNanos) }
    public var beforeAI: Double { Self.seconds(beforeAINanos) }
    public var afterAI: Double { Self.seconds(afterAINanos) }
    public var aiVisible: Double { Self.seconds(aiVisibleNanos) }
    public var passActive: [Double] { passes.map(\.active) }

    static func seconds(_ nanos: UInt64) -> Double { Double(nanos) / 1e9 }
}
