import ArgumentParser
import Foundation
import ReaderStudy
import ReadingApp
import TerminalUI

/// `lightbox experiment report NAME [--json] [--plots DIR]`
struct ExperimentReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Analyse an experiment: accuracy per arm, MRMC ROC (OR), reading-time effect, automation bias; PNG plots.",
        discussion: """
        A coordinator's tool: it reads every reader's signed reads and the reference. With --plots DIR it writes \
        roc.png (ROC per arm, pooled and per reader) and reading-time.png (active time per reader and arm, log scale). \
        With --tui it shows the same report and plots as a full-screen report screen (q quits); the reading room \
        never shows it, so readers stay blind to results.
        """
    )

    @Argument(help: "Experiment name.") var name: String
    @Flag(help: "Print JSON.") var json = false
    @Option(help: "Folder for PNG plots.") var plots: String?
    @Flag(help: "Show the report as a full-screen terminal screen (q quits).") var tui = false
    @Option(help: "Colour theme of --tui: dark, light, high-contrast, colorblind, dim, or a .toml file.")
    var theme: String = Theme.defaultName
    /// For golden tests: print every page of the report screen at WIDTHxHEIGHT instead of opening a terminal.
    @Option(name: .customLong("screen-snapshot"), help: .hidden) var screenSnapshot: String?
    @Option(help: "The ledger database (default: $XDG_DATA_HOME/lightbox/ledger.sqlite).") var db: String?
    @Option(help: "The study library (default: the one given at create).") var library: String?
    @OptionGroup var timing: TimingOptions

    func run() throws {
        try reportingErrors {
            let rules = try timing.rules()
            let clock = try ExperimentClock.fromEnvironment()
            let context = try ExperimentContext.open(name: name, db: db, library: library, readOnly: true)
            let truth = try ExperimentTruth.load(library: try context.loadLibrary(), caseIDs: context.design.caseIDs)
            let report = try ExperimentReport(context: context, truth: truth, rules: rules)
            let written = try plots.map { try report.writePlots(to: $0, name: name) } ?? []
            if json {
                try AnalyzeSupport.printJSON(report.json(design: context.design, rules: rules, plots: written))
                return
            }
            let summary = try ExperimentSummary.text(design: context.design, table: context.table,
                                                     completions: context.completions(try context.signedReads()), clock: clock)
            if tui || screenSnapshot != nil {
                let model = report.screenModel(name: name, summary: summary, rules: rules)
                let theme = try ThemeLoader.load(self.theme, environment: DataPaths.environment)
                if let screenSnapshot {
                    let parts = screenSnapshot.split(separator: "x").compactMap { Int($0) }
                    guard parts.count == 2, parts[0] >= 20, parts[1] >= 6 else {
                        throw ExperimentCommandError.invalid(field: "--screen-snapshot", problem: "expected WIDTHxHEIGHT such as 80x24")
                    }
                    print(ReportScreenSession.snapshot(model: model, theme: theme, size: Size(width: parts[0], height: parts[1])), terminator: "")
                } else {
                    try TerminalRequirement.check("experiment report --tui")
                    ReportScreenSession.run(model: model, theme: theme)
                }
                for path in written { print("wrote \(path)") }
                return
            }
            print(report.text(summary: summary, rules: rules), terminator: "")
            for path in written { print("wrote \(path)") }
        }
    }
}
