/// Reading time of one signed pass of a case (see `CaseTiming`).
public struct PassTiming: Sendable, Equatable, Codable {
    public var totalNanos: UInt64
    public var activeNanos: UInt64
    public var beforeAINanos: UInt64
    public var afterAINanos: UInt64

    public init(totalNanos: UInt64, activeNanos: UInt64, beforeAINanos: UInt64, afterAINanos: UInt64) {
        self.totalNanos = totalNanos; self.activeNanos = activeNanos
        self.beforeAINanos = beforeAINanos; self.afterAINanos = afterAINanos
    }

    public var total: Double { CaseTiming.seconds(totalNanos) }
    public var active: Double { CaseTiming.seconds(activeNanos) }
    public var beforeAI: Double { CaseTiming.seconds(beforeAINanos) }
    public var afterAI: Double { CaseTiming.seconds(afterAINanos) }

    /// The difference of two cumulative snapshots.
    static func between(_ earlier: CaseTiming, _ later: CaseTiming) -> PassTiming {
        PassTiming(totalNanos: later.totalNanos - earlier.totalNanos,
                   activeNanos: later.activeNanos - earlier.activeNanos,
                   beforeAINanos: later.beforeAINanos - earlier.beforeAINanos,
                   afterAINanos: later.afterAINanos - earlier.afterAINanos)
    }
}
