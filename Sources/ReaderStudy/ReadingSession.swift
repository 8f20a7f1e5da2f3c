/// What `read --experiment` opens: the reader's current session and the
/// assignments still to read, in the assigned order.
public struct ReadingSession: Sendable, Equatable {
    public var reader: String
    public var session: Int
    public var remaining: [Assignment]
    public var assigned: Int

    public init(reader: String, session: Int, remaining: [Assignment], assigned: Int) {
        self.reader = reader; self.session = session; self.remaining = remaining; self.assigned = assigned
    }
}
