import ArgumentParser
import Foundation
import Statistics

/// `lightbox analyze kappa FILE [--weights none|linear|quadratic] [--json]`
struct AnalyzeKappaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kappa",
        abstract: "Cohen's kappa (unweighted, linear or quadratic weights) with its standard error.",
        discussion: """
        FILE is CSV with a header row. With exactly two columns both are the raters; otherwise name them \
        with --columns A,B. Categories are the values of both columns in ascending order (numeric when all \
        values are numbers); weights use category positions, as scikit-learn does.
        """
    )

    enum Weights: String, ExpressibleByArgument, CaseIterable { case none, linear, quadratic }

    @Argument(help: "CSV with two rating columns.") var file: String
    @Option(help: "Weights: none, linear or quadratic.") var weights: Weights = .none
    @Option(help: "The two rating columns, e.g. reader0,reader1.") var columns: String?
    @Option(help: "Confidence level.") var level: Double = 0.95
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try reportingErrors {
            let table = try CSVTable(text: try AnalyzeSupport.readText(file), source: file)
            let names: [String]
            if let columns {
                names = columns.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
                guard names.count == 2 else { throw ValidationError("--columns takes two column names separated by a comma") }
            } else if table.header.count == 2 {
                names = table.header
            } else {
                throw StatisticsError.input(source: file, line: table.headerLine,
                                            "\(table.header.count) columns (\(table.header.joined(separator: ", "))); name the two rating columns with --columns A,B")
            }
            let a = try table.requireColumnNamed(names[0]), b = try table.requireColumnNamed(names[1])
            var first: [String] = [], second: [String] = []
            for row in table.rows {
                for (column, list) in [(a, 0), (b, 1)] {
                    let value = try table.cell(row, column)
                    if value.isEmpty {
                        throw StatisticsError.input(source: file, line: row.line, column: column + 1, name: table.header[column], "empty rating")
                    }
                    if list == 0 { first.append(value) } else { second.append(value) }
                }
            }
            let w: KappaWeights = weights == .none ? .none : weights == .linear ? .linear : .quadratic
            let numeric = (first + second).allSatisfy { Double($0) != nil }
            let k: CohenKappa
            let categories: [String]
            if numeric {
                let x = first.map { Double($0)! }, y = second.map { Double($0)! }
                k = try CohenKappa(x, y, weights: w, level: level)
                categories = Array(Set(x + y)).sorted().map { $0 == $0.rounded() ? String(Int($0)) : String($0) }
            } else {
                k = try CohenKappa(first, second, weights: w, level: level)
                categories = Array(Set(first + second)).sorted()
            }
            if json {
                try AnalyzeSupport.printJSON([
                    "kappa": k.kappa, "standardError": k.standardError, "ciLow": k.ciLow, "ciHigh": k.ciHigh,
                    "weights": weights.rawValue, "observedAgreement": k.observedAgreement, "expectedAgreement": k.expectedAgreement,
                    "n": k.subjects, "categories": categories, "columns": names,
                ])
            } else {
                typealias S = AnalyzeSupport
                let level = Int((self.level * 100).rounded())
                print("\(file): \(names[0]) vs \(names[1]), \(k.subjects) subjects, \(categories.count) categories (\(categories.joined(separator: ", ")))")
                print("Cohen's kappa, \(weights == .none ? "unweighted" : "\(weights.rawValue) weights"); SE: Fleiss, Cohen & Everitt (1969)")
                print("")
                print(S.table([["kappa", "std err", "\(level)% CI", "observed", "chance"],
                               [S.f(k.kappa), S.f(k.standardError), "[\(S.f(k.ciLow)), \(S.f(k.ciHigh))]",
                                S.f(k.observedAgreement), S.f(k.expectedAgreement)]]))
            }
        }
    }
}
