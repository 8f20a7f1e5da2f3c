/// A stored experiment. `design` is opaque text (JSON) owned by ReaderStudy:
/// the ledger keeps it verbatim and never interprets it.
public struct ExperimentRecord: Sendable, Equatable {
    public let name: String
    public let design: String
    public let createdWallTime: Double

    public init(name: String, design: String, createdWallTime: Double) {
        self.name = name; self.design = design; self.createdWallTime = createdWallTime
    }
}
