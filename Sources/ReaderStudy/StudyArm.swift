/// A treatment of a reader study. Raw values are stored in the ledger and
/// written to exports: never rename one, only add.
public enum StudyArm: String, Sendable, Codable, CaseIterable {
    /// No AI anywhere: no findings, no heat maps, no queue flags.
    case unaided
    /// The AI is shown with the image from the start.
    case aided
    /// An unaided read is signed and locked, then the AI is revealed for a
    /// second read and sign; both reads are kept.
    case sequential
}
