import Foundation
import Ledger
import ReaderStudy
import Worklist

/// A trainee's signed practice reads as `PracticeCase`s: each finding with the
/// reader's value, the model's (the AI value the read carried) and the reference.
/// Practice reads are the reader's signed reads outside any experiment.
enum PracticeCases {
    static func load(ledger: LedgerStore, reader: String, library: StudyLibrary,
                     rules: TimingRules = .standard) throws -> (cases: [PracticeCase], skipped: Int) {
        let studies = Dictionary(library.studies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var cases: [PracticeCase] = []
        var skipped = 0
        for read in try ledger.signedReads(reader: reader) where read.context.experiment == nil {
            guard studies[read.study]?.referencePath != nil,
                  let truth = try? ExperimentTruth.load(library: library, caseIDs: [read.study]),
                  let info = truth.cases[read.study] else { skipped += 1; continue }
            let findings = read.decisions.map { decision in
                PracticeFinding(finding: decision.finding, group: group(of: decision.finding), scale: scale(of: decision.finding),
                                reader: decision.readerValue, model: decision.aiValue, reference: info.referenceValues[decision.finding])
            }
            let timing = try? rules.measure(try ledger.events(read: read.readID).map(\.event))
            cases.append(PracticeCase(caseID: read.study, findings: findings, activeSeconds: timing.map(\.active)))
        }
        return (cases, skipped)
    }

    /// "spine.L4-L5.canalStenosis" → "canalStenosis"; "fracture.study" → "fracture".
    static func group(of finding: String) -> String {
        let parts = finding.split(separator: ".")
        if parts.first == "spine", let last = parts.last { return String(last) }
        return parts.first.map(String.init) ?? finding
    }

    static func scale(of finding: String) -> FindingScale {
        if finding == "boneAge.months" { return .boneAge }
        switch group(of: finding) {
        case "canalStenosis": return .categorical(FindingCatalog.stenosisGrades)
        case "pfirrmann": return .categorical(FindingCatalog.pfirrmannGrades)
        case "listhesis": return .categorical(FindingCatalog.listhesisGrades)
        default: return .categorical(FindingCatalog.fractureLabels)
        }
    }
}
