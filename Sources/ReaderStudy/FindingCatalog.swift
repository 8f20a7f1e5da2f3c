import Common

/// The findings a reader decides on for each kind of study. The AI fills the
/// same keys, so reads with and without AI are comparable finding by finding.
public enum FindingCatalog {
    public static let spineLevels = ["L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1"]
    /// RSNA 2024 lumbar schema severities.
    public static let stenosisGrades = ["normal/mild", "moderate", "severe"]
    public static let pfirrmannGrades = ["1", "2", "3", "4", "5"]
    /// Meyerding grades; "none" when the vertebrae are aligned.
    public static let listhesisGrades = ["none", "I", "II", "III", "IV"]
    public static let fractureLabels = ["normal", "abnormal"]

    public static func specs(for kind: StudyKind) -> [FindingSpec] {
        switch kind {
        case .hand:
            return [FindingSpec(key: "boneAge.months", label: "Bone age (mo)", domain: .months(0...240))]
        case .extremity:
            return [FindingSpec(key: "fracture.study", label: "Fracture", domain: .choice(fractureLabels))]
        case .spine:
            return spineLevels.flatMap { level in
                [
                    FindingSpec(key: "spine.\(level).canalStenosis", label: "\(level) canal", domain: .choice(stenosisGrades)),
                    FindingSpec(key: "spine.\(level).pfirrmann", label: "\(level) Pfirrmann", domain: .choice(pfirrmannGrades)),
                    FindingSpec(key: "spine.\(level).listhesis", label: "\(level) listhesis", domain: .choice(listhesisGrades)),
                ]
            }
        }
    }
}
