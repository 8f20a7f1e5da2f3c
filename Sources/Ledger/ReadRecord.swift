/// One reader's read of one study in one context. Created by `openRead`, which
/// returns the existing row when the read was started before (resume).
public struct ReadRecord: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let reader: String
    public let study: String
    public let context: ReadContext
    public let status: ReadStatus
    /// Seconds since 1970 when the read was first opened.
    public let openedWallTime: Double

    public init(id: Int64, reader: String, study: String, context: ReadContext, status: ReadStatus,
                openedWallTime: Double) {
        self.id = id; self.reader = reader; self.study = study; self.context = context
        self.status = status; self.openedWallTime = openedWallTime
    }
}
