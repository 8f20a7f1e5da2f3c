/// Automation bias and its mirror image: where the AI was wrong, the share of its calls the reader
/// accepted (commission errors; Goddard, Roudsari & Wyatt, JAMIA 19:121–127, 2012; Dratsch et al.,
/// Radiology 307:e222176, 2023); where it was right, the share the reader overrode. Shares carry
/// Wilson intervals; nil when the group has no such findings.
public struct AutomationBias: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        public let name: String
        public let findings: Int
        /// Accepted among AI-wrong findings.
        public let acceptedWhenWrong: Proportion?
        /// Overridden among AI-right findings.
        public let overriddenWhenRight: Proportion?

        init(name: String, _ decisions: [AIDecision], level: Double) {
            self.name = name
            findings = decisions.count
            let wrong = decisions.filter { !$0.aiCorrect }, right = decisions.filter { $0.aiCorrect }
            acceptedWhenWrong = wrong.isEmpty ? nil : Proportion(successes: wrong.filter(\.acceptedAI).count, trials: wrong.count, level: level)
            overriddenWhenRight = right.isEmpty ? nil : Proportion(successes: right.filter { !$0.acceptedAI }.count, trials: right.count, level: level)
        }
    }

    public let overall: Group
    /// One group per reader, in order of first appearance.
    public let perReader: [Group]
    /// One group per experience level given (readers without one are left out), in order of first appearance.
    public let perExperience: [Group]

    public init(decisions: [AIDecision], level: Double = 0.95) {
        overall = Group(name: "all", decisions, level: level)
        var readerOrder: [String] = [], experienceOrder: [String] = []
        for d in decisions {
            if !readerOrder.contains(d.reader) { readerOrder.append(d.reader) }
            if let e = d.experience, !experienceOrder.contains(e) { experienceOrder.append(e) }
        }
        perReader = readerOrder.map { r in Group(name: r, decisions.filter { $0.reader == r }, level: level) }
        perExperience = experienceOrder.map { e in Group(name: e, decisions.filter { $0.experience == e }, level: level) }
    }
}
