/// One row of an experiment's assignment table: `reader` reads case `study` in
/// `session` under `arm`, at 1-based position `order` of that session's list.
public struct AssignmentRow: Sendable, Hashable, Codable {
    public var reader: String
    public var study: String
    public var session: Int
    public var arm: String
    public var order: Int

    public init(reader: String, study: String, session: Int, arm: String, order: Int) {
        self.reader = reader; self.study = study; self.session = session; self.arm = arm; self.order = order
    }
}
