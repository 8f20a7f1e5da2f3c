/// A reader study as the coordinator defines it. Everything the assignment
/// depends on is here, so the same design always yields the same table.
public struct ExperimentDesign: Sendable, Equatable, Codable {
    public var name: String
    public var readers: [String]
    /// Arms in the order the counterbalancing rotates them: reader group g
    /// starts with `arms[g % arms.count]`, so the first listed arm gets the
    /// extra reader when the count is uneven.
    public var arms: [StudyArm]
    public var design: DesignKind
    /// One session per arm (see `DesignKind`).
    public var sessions: Int
    /// Days from a reader's last signed read of session n to the opening of
    /// session n + 1 for that reader.
    public var washoutDays: Int
    public var seed: UInt64
    public var caseIDs: [String]
    /// Split-plot only: how many disjoint reader/case plots.
    public var readerGroups: Int
    public var ordering: SessionOrdering
    /// How readers rate confidence: nil (designs stored before the setting) means 1–5.
    public var ratingScale: RatingScale?
    /// Reader id → the OS account allowed to read as that id. nil (designs
    /// stored before the mapping, or `--readers amy,bo`) means every id is
    /// its own account; it is fixed with the design, so nobody can sign as
    /// another reader by naming them.
    public var accounts: [String: String]?

    /// The washout that regulatory summaries and the published fracture AI
    /// studies use (at least four weeks / one month).
    public static let recommendedWashoutDays = 28

    public init(name: String, readers: [String], arms: [StudyArm], design: DesignKind,
                sessions: Int? = nil, washoutDays: Int = ExperimentDesign.recommendedWashoutDays,
                seed: UInt64, caseIDs: [String], readerGroups: Int = 2,
                ordering: SessionOrdering = .blockedByArm, ratingScale: RatingScale? = nil,
                accounts: [String: String]? = nil) {
        self.name = name; self.readers = readers; self.arms = arms; self.design = design
        self.sessions = sessions ?? max(arms.count, 1)
        self.washoutDays = washoutDays; self.seed = seed; self.caseIDs = caseIDs
        self.readerGroups = readerGroups; self.ordering = ordering; self.ratingScale = ratingScale
        self.accounts = accounts
    }
}
