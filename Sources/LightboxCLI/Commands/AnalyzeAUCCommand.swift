import ArgumentParser
import Foundation
import Statistics

/// `lightbox analyze auc FILE [--json]`
struct AnalyzeAUCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auc",
        abstract: "Empirical AUC with DeLong SE and CI; two score columns also get DeLong's paired test.",
        discussion: """
        FILE is CSV with a header: a truth column (0/1; or any values with --positive) and one or two \
        score columns (higher = more abnormal). Without --scores every column except the truth column and \
        case/id columns is a score column.
        """
    )

    @Argument(help: "CSV with truth and one or two score columns.") var file: String
    @Option(help: "Name of the truth column.") var truth: String = "truth"
    @Option(help: "Truth value that marks an abnormal case (when truth is not 0/1).") var positive: String?
    @Option(help: "The score columns, e.g. s100b,ndka.") var scores: String?
    @Option(help: "Also report sensitivity and specificity calling scores ≥ this value abnormal.") var threshold: Double?
    @Option(help: "Confidence level.") var level: Double = 0.95
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try reportingErrors {
            let table = try CSVTable(text: try AnalyzeSupport.readText(file), source: file)
            let truthColumn = try table.requireColumnNamed(truth)
            let scoreColumns: [Int]
            if let scores {
                scoreColumns = try scores.split(separator: ",").map { try table.requireColumnNamed(String($0).trimmingCharacters(in: .whitespaces)) }
            } else {
                let ids: Set<String> = ["case", "caseid", "case_id", "id", "study", "studyid"]
                scoreColumns = table.header.indices.filter { $0 != truthColumn && !ids.contains(table.header[$0].lowercased()) }
            }
            guard (1...2).contains(scoreColumns.count) else {
                throw StatisticsError.input(source: file, line: table.headerLine,
                                            "\(scoreColumns.count) score columns; name one or two with --scores A,B")
            }
            var truthValues: [Bool] = []
            var columns = [[Double]](repeating: [], count: scoreColumns.count)
            for row in table.rows {
                if let positive {
                    let v = try table.cell(row, truthColumn)
                    if v.isEmpty {
                        throw StatisticsError.input(source: file, line: row.line, column: truthColumn + 1, name: table.header[truthColumn], "empty truth cell")
                    }
                    truthValues.append(v == positive)
                } else {
                    truthValues.append(try table.truth(row, truthColumn))
                }
                for (i, c) in scoreColumns.enumerated() { columns[i].append(try table.number(row, c, what: "a numeric score")) }
            }
            let positives = truthValues.filter { $0 }.count
            guard positives > 0, positives < truthValues.count else {
                throw StatisticsError(coordinates: file, problem: "need both abnormal and normal cases; found \(positives) abnormal of \(truthValues.count)")
            }
            let names = scoreColumns.map { table.header[$0] }
            let estimates = columns.map { AUCEstimate(truth: truthValues, scores: $0, level: level) }
            let calls = threshold.map { t in columns.map { SensitivitySpecificity(truth: truthValues, scores: $0, threshold: t, level: level) } }
            let paired = columns.count == 2 ? DeLongTest(truth: truthValues, first: columns[0], second: columns[1], level: level) : nil
            if json {
                var object: [String: Any] = [
                    "scores": zip(names, estimates).map { name, e -> [String: Any] in
                        ["name": name, "auc": e.auc, "standardError": e.standardError, "ciLow": e.ciLow, "ciHigh": e.ciHigh,
                         "positives": e.positives, "negatives": e.negatives]
                    },
                ]
                if let calls, let threshold {
                    object["threshold"] = threshold
                    object["operatingPoints"] = zip(names, calls).map { name, c -> [String: Any] in
                        ["name": name,
                         "sensitivity": ["estimate": c.sensitivity.estimate, "ciLow": c.sensitivity.ciLow, "ciHigh": c.sensitivity.ciHigh,
                                         "successes": c.sensitivity.successes, "trials": c.sensitivity.trials] as [String: Any],
                         "specificity": ["estimate": c.specificity.estimate, "ciLow": c.specificity.ciLow, "ciHigh": c.specificity.ciHigh,
                                         "successes": c.specificity.successes, "trials": c.specificity.trials] as [String: Any]]
                    }
                }
                if let paired {
                    object["paired"] = ["first": names[0], "second": names[1], "difference": paired.difference,
                                        "standardError": paired.standardError, "covariance": paired.covariance, "z": paired.statistic,
                                        "p": paired.p, "ciLow": paired.ciLow, "ciHigh": paired.ciHigh] as [String: Any]
                }
                try AnalyzeSupport.printJSON(object)
            } else {
                typealias S = AnalyzeSupport
                let level = Int((self.level * 100).rounded())
                print("\(file): \(positives) abnormal, \(truthValues.count - positives) normal cases; empirical AUC, DeLong (1988) SE")
                print("")
                var rows = [["score", "AUC", "std err", "\(level)% CI"]]
                for (name, e) in zip(names, estimates) {
                    rows.append([name, S.f(e.auc, 6), S.f(e.standardError, 6), "[\(S.f(e.ciLow, 6)), \(S.f(e.ciHigh, 6))]"])
                }
                print(S.table(rows))
                if let calls, let threshold {
                    print("")
                    print("Calling scores ≥ \(threshold) abnormal (Wilson \(level)% intervals):")
                    var ops = [["score", "sensitivity", "\(level)% CI", "specificity", "\(level)% CI"]]
                    for (name, c) in zip(names, calls) {
                        ops.append([name, "\(c.sensitivity.successes)/\(c.sensitivity.trials) = \(S.f(c.sensitivity.estimate))",
                                    "[\(S.f(c.sensitivity.ciLow)), \(S.f(c.sensitivity.ciHigh))]",
                                    "\(c.specificity.successes)/\(c.specificity.trials) = \(S.f(c.specificity.estimate))",
                                    "[\(S.f(c.specificity.ciLow)), \(S.f(c.specificity.ciHigh))]"])
                    }
                    print(S.table(ops))
                }
                if let paired {
                    print("")
                    print("DeLong paired test, \(names[0]) − \(names[1]):")
                    print(S.table([["difference", "std err", "z", "p", "\(level)% CI"],
                                   [S.f(paired.difference, 6), S.f(paired.standardError, 6), S.f(paired.statistic, 4), S.p(paired.p),
                                    "[\(S.f(paired.ciLow, 6)), \(S.f(paired.ciHigh, 6))]"]]))
                }
            }
        }
    }
}
