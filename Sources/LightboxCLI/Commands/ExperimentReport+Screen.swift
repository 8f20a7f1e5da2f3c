import Foundation
import ReaderStudy
import ReadingApp
import TerminalUI

/// The report as the values of the report screen (`--tui`).
extension ExperimentReport {
    /// Arms are told apart by role: unaided like a reader's own value, aided like the AI's;
    /// other treatment names take the remaining roles in order.
    static let armRoles: [String: Role] = ["unaided": .readerValue, "aided": .aiValue, "sequential": .warning]
    static let otherRoles: [Role] = [.success, .probabilityMid, .accepted, .overridden]

    func screenModel(name: String, summary: String, rules: TimingRules) -> ReportScreenModel {
        let others = table.treatments.filter { Self.armRoles[$0] == nil }
        let roles = Dictionary(uniqueKeysWithValues: table.treatments.map { treatment in
            (treatment, Self.armRoles[treatment] ?? Self.otherRoles[(others.firstIndex(of: treatment) ?? 0) % Self.otherRoles.count])
        })
        let lines = lines(summary: summary, rules: rules).map { line -> ReportScreenModel.Line in
            switch line.kind {
            case .heading: return .init(line.text, role: .title)
            case .tableHeader: return .init(line.text, role: .header)
            case .rule: return .init(line.text, role: .border)
            case .note: return .init(line.text, role: .warning)
            case .summary, .body: return .init(line.text)
            }
        }
        let rocs = rocSeries()
        // Reader curves first (dim), pooled arm curves on top.
        let ordered = rocs.filter { $0.reader != nil } + rocs.filter { $0.reader == nil }
        let roc = ordered.map { series in
            TerminalLinePlot.Series(points: zip(series.falsePositiveRate, series.truePositiveRate).map { .init($0, $1) },
                                    role: series.reader == nil ? roles[series.treatment] ?? .normal : .muted)
        }
        let rocLegend = rocs.filter { $0.reader == nil }.map { series in
            ReportScreenModel.LegendEntry(series.treatment + (treatmentAUC(series.treatment).map { String(format: " AUC %.3f", $0) } ?? ""),
                                          role: roles[series.treatment] ?? .normal)
        }
        var groups: [TerminalBoxPlot.Group] = []
        var scale = PlotAxisScale(1...100, logarithmic: true)
        var ticks: [TerminalLinePlot.Tick] = []
        if let distributions = timeDistributions(), let low = distributions.ticks.first, let high = distributions.ticks.last {
            scale = PlotAxisScale(low...max(high, low * 10), logarithmic: true)
            ticks = distributions.ticks.map { .init($0, String(format: "%g", $0)) }
            groups = distributions.columns.map { column in
                TerminalBoxPlot.Group(label: "\(column.reader) \(column.treatment)", values: column.seconds,
                                      box: column.box.map { [$0.lowerWhisker, $0.lowerQuartile, $0.median, $0.upperQuartile, $0.upperWhisker] },
                                      role: roles[column.treatment] ?? .normal)
            }
        }
        return ReportScreenModel(title: "experiment \(name) · report (coordinator)", lines: lines, roc: roc, rocLegend: rocLegend,
                                 times: groups, timeScale: scale, timeTicks: ticks,
                                 timeLegend: table.treatments.map { .init($0, role: roles[$0] ?? .normal) })
    }
}
