/// One line of the feedback screen after a practice sign.
public struct FindingFeedback: Sendable, Equatable {
    public var finding: String
    public var reader: String?
    public var model: String?
    public var reference: String?
    public var readerVsReference: Agreement
    public var readerVsModel: Agreement
    public var modelVsReference: Agreement
    /// Months, reader − reference (bone age only).
    public var difference: Double?

    /// A discrepancy to revisit: the reader disagreed with the reference.
    public var isDiscrepancy: Bool { readerVsReference == .disagree }
    /// The reader followed the model and both were wrong (automation bias).
    public var followedWrongModel: Bool {
        readerVsReference == .disagree && readerVsModel == .agree && modelVsReference == .disagree
    }
}
