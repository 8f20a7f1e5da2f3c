/// One signed read with its reading time (any positive duration; seconds by convention).
public struct TimedRead: Sendable, Equatable {
    public var reader: String
    public var caseID: String
    public var aided: Bool
    public var seconds: Double

    public init(reader: String, caseID: String, aided: Bool, seconds: Double) {
        self.reader = reader
        self.caseID = caseID
        self.aided = aided
        self.seconds = seconds
    }
}
