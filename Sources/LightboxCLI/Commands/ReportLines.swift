/// The text report as tagged lines: `text` joins them for stdout, the report
/// screen styles them by kind. Multi-line strings are split so the joined text
/// is exactly what was appended.
struct ReportLines {
    private(set) var lines: [(text: String, kind: ExperimentReport.LineKind)] = []

    mutating func append(_ text: String, _ kind: ExperimentReport.LineKind = .body) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) { lines.append((String(line), kind)) }
    }

    /// An `AnalyzeSupport.table`: header, rule, rows.
    mutating func table(_ rows: [[String]]) {
        for (i, line) in AnalyzeSupport.table(rows).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            lines.append((String(line), i == 0 ? .tableHeader : i == 1 ? .rule : .body))
        }
    }
}
