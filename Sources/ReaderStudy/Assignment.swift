/// One row of the assignment table: reader × case × session × arm × order.
/// `session` and `order` are 1-based, as a coordinator counts them.
public struct Assignment: Sendable, Equatable, Hashable, Codable {
    public var reader: String
    public var caseID: String
    public var session: Int
    public var arm: StudyArm
    /// Position of the case in the reader's session.
    public var order: Int
    /// Arm-order group: the reader starts every session with `arms[armGroup]`.
    public var armGroup: Int
    /// Split-plot group (0 outside split-plot designs).
    public var plot: Int
    /// Case block inside the plot (0 for fully-crossed designs).
    public var block: Int

    public init(reader: String, caseID: String, session: Int, arm: StudyArm, order: Int,
                armGroup: Int, plot: Int, block: Int) {
        self.reader = reader; self.caseID = caseID; self.session = session; self.arm = arm
        self.order = order; self.armGroup = armGroup; self.plot = plot; self.block = block
    }
}
