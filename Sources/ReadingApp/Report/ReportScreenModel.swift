import TerminalUI

/// What the coordinator's report screen shows, as plain values: the text
/// report line by line (each with its role) and the data of the two plots —
/// the same curves and time distributions the PNG plots are drawn from. Built
/// by `lightbox experiment report --tui`; the reading room never builds one
/// (readers stay blind to results).
public struct ReportScreenModel: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var text: String
        public var role: Role
        public init(_ text: String, role: Role = .normal) { self.text = text; self.role = role }
    }

    public struct LegendEntry: Sendable, Equatable {
        public var label: String
        public var role: Role
        public init(_ label: String, role: Role) { self.label = label; self.role = role }
    }

    public var title: String
    public var lines: [Line]
    /// ROC curves (x = FPR, y = TPR): reader curves first, pooled arm curves last (drawn on top).
    public var roc: [TerminalLinePlot.Series]
    public var rocLegend: [LegendEntry]
    /// Active reading time per reader × arm.
    public var times: [TerminalBoxPlot.Group]
    public var timeScale: PlotAxisScale
    public var timeTicks: [TerminalLinePlot.Tick]
    public var timeLegend: [LegendEntry]

    public init(title: String, lines: [Line], roc: [TerminalLinePlot.Series], rocLegend: [LegendEntry],
                times: [TerminalBoxPlot.Group], timeScale: PlotAxisScale, timeTicks: [TerminalLinePlot.Tick],
                timeLegend: [LegendEntry]) {
        self.title = title; self.lines = lines; self.roc = roc; self.rocLegend = rocLegend
        self.times = times; self.timeScale = timeScale; self.timeTicks = timeTicks; self.timeLegend = timeLegend
    }
}
