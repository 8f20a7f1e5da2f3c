/// A signed pass as the exports need it: who read which case under which
/// treatment, the ROC rating, and its reading time.
public struct SignedRead: Sendable, Equatable, Codable {
    public var reader: String
    public var caseID: String
    public var session: Int
    public var arm: StudyArm
    public var pass: ReadPass
    /// Higher means more confident the finding is present (see `RatingScale`).
    public var rating: Double
    public var timing: PassTiming?

    public init(reader: String, caseID: String, session: Int, arm: StudyArm, pass: ReadPass = .first,
                rating: Double, timing: PassTiming? = nil) {
        self.reader = reader; self.caseID = caseID; self.session = session; self.arm = arm
        self.pass = pass; self.rating = rating; self.timing = timing
    }

    public var treatment: String { ArmPolicy(arm: arm).treatment(for: pass) }
}
