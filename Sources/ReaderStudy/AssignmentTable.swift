/// Every assignment of an experiment, ordered by reader (as the design lists
/// them), session, then order.
public struct AssignmentTable: Sendable, Equatable, Codable {
    public var rows: [Assignment]

    public init(rows: [Assignment]) { self.rows = rows }

    /// One reader's session in reading order.
    public func rows(reader: String, session: Int) -> [Assignment] {
        rows.filter { $0.reader == reader && $0.session == session }.sorted { $0.order < $1.order }
    }

    public func rows(reader: String) -> [Assignment] {
        rows.filter { $0.reader == reader }
    }

    /// The arm a reader starts the study with (session 1, first case).
    public func firstArm(reader: String) -> StudyArm? {
        rows(reader: reader, session: 1).first?.arm
    }

    public var sessionNumbers: [Int] { Array(Set(rows.map(\.session))).sorted() }
}
