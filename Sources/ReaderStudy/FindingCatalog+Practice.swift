/// How practice feedback groups and compares a finding key. Shared by the
/// practice screen and `practice review`, so both score a read the same way.
extension FindingCatalog {
    /// "spine.L4-L5.canalStenosis" → "canalStenosis"; "fracture.study" → "fracture".
    public static func practiceGroup(of finding: String) -> String {
        let parts = finding.split(separator: ".")
        if parts.first == "spine", let last = parts.last { return String(last) }
        return parts.first.map(String.init) ?? finding
    }

    public static func practiceScale(of finding: String) -> FindingScale {
        if finding == "boneAge.months" { return .boneAge }
        switch practiceGroup(of: finding) {
        case "canalStenosis": return .categorical(stenosisGrades)
        case "pfirrmann": return .categorical(pfirrmannGrades)
        case "listhesis": return .categorical(listhesisGrades)
        default: return .categorical(fractureLabels)
        }
    }

    /// A signed read as a practice case: each decision with the model's value
    /// it carried and the reference (after sign only: the caller loads it then).
    public static func practiceCase(caseID: String, decisions: [FindingDecision], reference: [String: String],
                                    activeSeconds: Double?) -> PracticeCase {
        PracticeCase(caseID: caseID, findings: decisions.map { d in
            PracticeFinding(finding: d.finding, group: practiceGroup(of: d.finding), scale: practiceScale(of: d.finding),
                            reader: d.readerValue, model: d.aiValue, reference: reference[d.finding])
        }, activeSeconds: activeSeconds)
    }
}
