/// A trainee's signed practice case.
public struct PracticeCase: Sendable, Equatable, Codable {
    public var caseID: String
    public var findings: [PracticeFinding]
    /// Active reading time (see Docs/TIMING.md), when measured.
    public var activeSeconds: Double?

    public init(caseID: String, findings: [PracticeFinding], activeSeconds: Double? = nil) {
        self.caseID = caseID; self.findings = findings; self.activeSeconds = activeSeconds
    }
}
