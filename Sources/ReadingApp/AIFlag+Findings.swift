import Findings
import Foundation

extension AIFlag {
    /// The flag for a study's findings; nil when no model produced any.
    /// Several tasks on one study: the most concerning flag wins.
    public init?(_ findings: StudyFindings) {
        var flags: [AIFlag] = []
        if let f = findings.fracture {
            flags.append(AIFlag(text: "P " + String(format: "%.2f", f.probability), score: f.probability, alert: f.abnormal))
        }
        if let s = findings.spine, !s.levels.isEmpty {
            // The worst level by its most likely grade, ties broken by P(at least moderate).
            func atLeastModerate(_ l: SpineFinding.Level) -> Double { 1 - (l.canalStenosis.first ?? 1) }
            func grade(_ l: SpineFinding.Level) -> Int {
                l.canalStenosis.indices.max { l.canalStenosis[$0] < l.canalStenosis[$1] } ?? 0
            }
            let worst = s.levels.max { (grade($0), atLeastModerate($0)) < (grade($1), atLeastModerate($1)) }!
            let g = grade(worst)
            let text = g == 0 ? "P≥mod " + String(format: "%.2f", atLeastModerate(worst)) : (g == 1 ? "mod " : "sev ") + worst.level
            flags.append(AIFlag(text: text, score: atLeastModerate(worst), alert: g >= 1))
        }
        if let b = findings.boneAge {
            if let z = b.sds {
                flags.append(AIFlag(text: "SDS " + (z >= 0 ? "+" : "") + String(format: "%.1f", z), score: min(1, abs(z) / 4),
                                    alert: b.category == .delayed || b.category == .advanced))
            } else {
                flags.append(AIFlag(text: "BA \(b.roundedMonths)mo", score: 0, alert: false))
            }
        }
        guard let top = flags.min(by: AIFlag.isMoreConcerning) else { return nil }
        self = top
    }
}
