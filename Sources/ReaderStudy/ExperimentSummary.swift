import Foundation

/// The text of `lightbox experiment show`: the design, then one line per
/// reader with their arm order and the state of each session (progress,
/// washout date). Times are UTC.
public enum ExperimentSummary {
    public static func text(design: ExperimentDesign, table: AssignmentTable, completions: [CaseCompletion],
                            clock: some StudyClock) throws(ReaderStudyError) -> String {
        let gate = SessionGate(design: design, table: table)
        var lines = [
            "experiment \(design.name): \(design.design.rawValue), arms \(design.arms.map(\.rawValue).joined(separator: ", ")), "
                + "\(design.sessions) session(s), washout \(design.washoutDays) days, seed \(design.seed)",
            "\(design.readers.count) reader(s), \(design.caseIDs.count) case(s), order \(design.ordering.rawValue)"
                + (design.design == .splitPlot ? ", \(design.readerGroups) reader groups" : "")
                + ", confidence \((design.ratingScale ?? .callWithConfidence).rawValue)",
        ]
        if design.accounts != nil {
            lines.append("accounts " + design.readers.map { "\($0)=\(design.account(of: $0))" }.joined(separator: ", "))
        }
        lines += design.warnings.map { "warning: \($0)" }
        let width = max(6, design.readers.map(\.count).max() ?? 0)
        lines.append("")
        lines.append(pad("reader", width) + "  starts      " + (1...max(design.sessions, 1)).map { pad("session \($0)", 33) }.joined(separator: " "))
        for reader in design.readers {
            let progress = try gate.progress(reader: reader, completions: completions, clock: clock)
            let start = table.firstArm(reader: reader)?.rawValue ?? "-"
            let cells = progress.map { pad(describe($0), 33) }.joined(separator: " ")
            lines.append(pad(reader, width) + "  " + pad(start, 12) + cells)
        }
        return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
            .joined(separator: "\n") + "\n"
    }

    static func describe(_ line: SessionProgress) -> String {
        let count = "\(line.signed)/\(line.assigned)"
        switch line.status {
        case .complete:
            return "\(count) done " + (line.lastSignedAt.map(day) ?? "")
        case .open:
            return "\(count) open"
        case .waitingForSession(let session, _):
            return "\(count) after session \(session)"
        case .washout(let opensAt):
            return "\(count) opens \(minute(opensAt))"
        }
    }

    static func day(_ date: Date) -> String {
        let c = utc.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// `2026-02-01 10:05 UTC`, the form `read --experiment` also uses when it
    /// refuses a session. Rounded up, so the time shown is never one at which
    /// the session is still shut.
    public static func minute(_ date: Date) -> String {
        let rounded = Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 60).rounded(.up) * 60)
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute], from: rounded)
        return String(format: "%04d-%02d-%02d %02d:%02d UTC", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    private static var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    /// `text` left-aligned in `width` columns (longer text is kept whole). Separators are the
    /// caller's: a space added here when the text exactly filled the width put the header's
    /// "reader" one column right of the reader rows (QA defect 3).
    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
