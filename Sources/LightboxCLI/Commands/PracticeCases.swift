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
            let timing = try? rules.measure(try ledger.events(read: read.readID).map(\.event))
            cases.append(FindingCatalog.practiceCase(caseID: read.study, decisions: read.decisions,
                                                     reference: info.referenceValues, activeSeconds: timing.map(\.active)))
        }
        return (cases, skipped)
    }
}
