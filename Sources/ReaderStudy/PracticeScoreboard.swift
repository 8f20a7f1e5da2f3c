/// The running scoreboard of a trainee: recomputed from all signed practice
/// cases so far (a few hundred at most, so recomputing is cheaper than
/// keeping incremental state right).
public struct PracticeScoreboard: Sendable, Equatable {
    public var cases: Int
    public var groups: [GroupScore]
    /// Share of findings (with both values) where the reader agreed with the model.
    public var agreementWithModel: Double?
    public var meanActiveSeconds: Double?
    public var medianActiveSeconds: Double?
    /// Findings where the reader disagreed with the reference, in reading order.
    public var discrepancies: [Discrepancy]

    public init(cases: [PracticeCase]) throws(ReaderStudyError) {
        self.cases = cases.count
        var groupOrder: [String] = []
        var byGroup: [String: [PracticeFinding]] = [:]
        var modelAgree = 0, modelPairs = 0
        var discrepancies: [Discrepancy] = []
        for practice in cases {
            for finding in practice.findings {
                if byGroup[finding.group] == nil { groupOrder.append(finding.group) }
                byGroup[finding.group, default: []].append(finding)
                let feedback = try finding.feedback()
                if feedback.readerVsModel != .missing {
                    modelPairs += 1
                    if feedback.readerVsModel == .agree { modelAgree += 1 }
                }
                if feedback.isDiscrepancy { discrepancies.append(Discrepancy(caseID: practice.caseID, feedback: feedback)) }
            }
        }
        var groups: [GroupScore] = []
        for group in groupOrder { groups.append(try Self.score(group: group, byGroup[group] ?? [])) }
        self.groups = groups
        agreementWithModel = modelPairs > 0 ? Double(modelAgree) / Double(modelPairs) : nil
        let times = cases.compactMap(\.activeSeconds).sorted()
        meanActiveSeconds = times.isEmpty ? nil : times.reduce(0, +) / Double(times.count)
        medianActiveSeconds = times.isEmpty ? nil
            : times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
        self.discrepancies = discrepancies
    }

    private static func score(group: String, _ findings: [PracticeFinding]) throws(ReaderStudyError) -> GroupScore {
        var score = GroupScore(group: group, count: 0)
        var agree = 0
        var readerIndices: [Int] = [], referenceIndices: [Int] = []
        var readerErrors: [Double] = [], modelErrors: [Double] = []
        var categories = 0
        for finding in findings {
            let feedback = try finding.feedback()
            if feedback.readerVsReference != .missing {
                score.count += 1
                if feedback.readerVsReference == .agree { agree += 1 }
            }
            switch finding.scale {
            case .categorical(let labels):
                categories = max(categories, labels.count)
                if let r = finding.reader, let t = finding.reference {
                    readerIndices.append(try finding.categoryIndex(r))
                    referenceIndices.append(try finding.categoryIndex(t))
                }
            case .months:
                if let t = finding.reference {
                    let truth = try finding.months(t)
                    if let r = finding.reader { readerErrors.append(abs(try finding.months(r) - truth)) }
                    if let m = finding.model { modelErrors.append(abs(try finding.months(m) - truth)) }
                }
            }
        }
        if score.count > 0 { score.agreement = Double(agree) / Double(score.count) }
        if categories > 0 && !readerIndices.isEmpty {
            score.kappa = CohenKappa.kappa(readerIndices, referenceIndices, categories: categories)
            if categories > 2 {
                score.weightedKappa = CohenKappa.kappa(readerIndices, referenceIndices, categories: categories, weights: .linear)
            }
        }
        if !readerErrors.isEmpty { score.readerMAD = readerErrors.reduce(0, +) / Double(readerErrors.count) }
        if !modelErrors.isEmpty { score.modelMAD = modelErrors.reduce(0, +) / Double(modelErrors.count) }
        return score
    }
}
