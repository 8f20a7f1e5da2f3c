import ArgumentParser
import Foundation
import Ledger
import ReaderStudy
import Worklist

/// `lightbox practice review [--library DIR] [--reader R]`
struct PracticeReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Your practice scoreboard (agreement, κ, bone-age MAD, time per case) and the findings to revisit.",
        discussion: """
        Reads only your own signed reads outside experiments, and the reference of those studies (you have \
        signed them, so the reference may be shown).
        """
    )

    @Option(help: "The study library the practice reads came from (its references score them; default: SampleStudies when present).")
    var library: String?
    @Option(help: "Your reader id (default: your login name).") var reader: String?
    @Option(help: "The ledger database (default: $XDG_DATA_HOME/lightbox/ledger.sqlite).") var db: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try reportingErrors {
            // A trainee reviews their own reads only, as they read them: bound to the account.
            let me = try ReaderBinding(account: OSAccount.current()).reader(requested: reader)
            let path = try ExperimentContext.ledgerPath(db)
            guard FileManager.default.fileExists(atPath: path) else {
                throw ExperimentCommandError.invalid(field: path, problem: "no ledger yet: sign some practice reads first")
            }
            let ledger = try LedgerStore(path: path, readOnly: true)
            // The references live in the library, not the ledger: it is needed only when there is
            // something to score, and a missing default is named as such (QA defect 7d).
            let practiceReads = try ledger.signedReads(reader: me).filter { $0.context.experiment == nil }.count
            var cases: [PracticeCase] = [], skipped = 0
            if practiceReads > 0 {
                let root: String
                if let library {
                    root = library
                } else if FileManager.default.fileExists(atPath: ReadCommand.defaultLibrary) {
                    root = ReadCommand.defaultLibrary
                } else {
                    throw ExperimentCommandError.invalid(
                        field: "--library", problem: "\(practiceReads) practice read(s) to score need the study library they came from "
                            + "(its references); pass --library DIR (the default \(ReadCommand.defaultLibrary) is not in this folder)")
                }
                (cases, skipped) = try PracticeCases.load(ledger: ledger, reader: me, library: try StudyLibrary.load(root: root))
            }
            let board = try PracticeScoreboard(cases: cases)
            if json {
                try AnalyzeSupport.printJSON([
                    "reader": me, "cases": board.cases, "skipped": skipped,
                    "agreementWithModel": board.agreementWithModel as Any,
                    "meanActiveSeconds": board.meanActiveSeconds as Any, "medianActiveSeconds": board.medianActiveSeconds as Any,
                    "groups": board.groups.map {
                        ["group": $0.group, "count": $0.count, "agreement": $0.agreement as Any, "kappa": $0.kappa as Any,
                         "weightedKappa": $0.weightedKappa as Any, "readerMAD": $0.readerMAD as Any, "modelMAD": $0.modelMAD as Any] as [String: Any]
                    },
                    "discrepancies": board.discrepancies.map {
                        ["case": $0.caseID, "finding": $0.feedback.finding, "reader": $0.feedback.reader as Any,
                         "model": $0.feedback.model as Any, "reference": $0.feedback.reference as Any, "modelWasRight": $0.modelWasRight] as [String: Any]
                    },
                ])
                return
            }
            typealias S = AnalyzeSupport
            func opt(_ x: Double?, _ d: Int = 3) -> String { x.map { S.f($0, d) } ?? "-" }
            print("practice of \(me): \(board.cases) signed case(s)" + (skipped > 0 ? " (\(skipped) without a reference left out)" : ""))
            if board.cases == 0 { return }
            var rows = [["finding", "n", "agreement", "κ", "weighted κ", "your MAD (mo)", "model MAD (mo)"]]
            for g in board.groups {
                rows.append([g.group, "\(g.count)", opt(g.agreement), opt(g.kappa), opt(g.weightedKappa), opt(g.readerMAD, 1), opt(g.modelMAD, 1)])
            }
            print(S.table(rows))
            print("agreement with the model \(opt(board.agreementWithModel)); active time per case: mean \(opt(board.meanActiveSeconds, 1)) s, "
                  + "median \(opt(board.medianActiveSeconds, 1)) s")
            print("")
            if board.discrepancies.isEmpty {
                print("no discrepancies with the reference")
            } else {
                print("to revisit (\(board.discrepancies.count)):")
                var d = [["case", "finding", "yours", "model", "reference", "note"]]
                for item in board.discrepancies {
                    d.append([item.caseID, item.feedback.finding, item.feedback.reader ?? "-", item.feedback.model ?? "-",
                              item.feedback.reference ?? "-", item.feedback.followedWrongModel ? "followed the model" : item.modelWasRight ? "model right" : ""])
                }
                print(S.table(d))
            }
        }
    }
}
