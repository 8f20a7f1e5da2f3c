import Foundation
import ReaderStudy
import TerminalUI

/// The practice feedback screen after a sign: per finding the trainee's value,
/// the model's and the reference, each marked against the reference, then the
/// running scoreboard. Only drawn once the read is signed (`PracticeState.Stage`).
enum PracticeFeedbackView {
    static func render(_ p: PracticeState, state: AppState, in area: Rect, theme: Theme, grid: inout CellGrid) {
        // As tall as its lines (a spine read has fifteen findings), at most the body.
        let notes = p.feedback.flatMap { p.modelNotes[$0.caseID] } ?? []
        let lines = p.feedback.map { 6 + notes.count + $0.findings.count + (p.scoreboard?.groups.count ?? 0) } ?? 1
        var box = area.inset(by: 1)
        box.height = min(box.height, lines + 2)
        guard box.width > 30, box.height > 2 else { return }
        let studyId: String
        switch p.stage {
        case .reading: return
        case .scoring(let id), .showing(let id): studyId = id
        }
        // The reference and the model's values only once the read is signed.
        guard state.mayShow(.reference, study: studyId), state.mayShow(.modelFeedback, study: studyId) else { return }
        grid.fill(box, with: Cell(" ", style: theme.style(.normal)))
        Box.draw(box, title: "Feedback · \(studyId) · any key: next study", style: theme.style(.border),
                 titleStyle: theme.style(.title), grid: &grid)
        let inner = box.inset(by: 1)
        var y = inner.y
        let w = inner.width - 2
        func line(_ text: String, _ role: Role) {
            guard y < inner.maxY else { return }
            grid.write(TextLayout.fit(text, w), x: inner.x + 1, y: y, style: theme.style(role), maxWidth: w)
            y += 1
        }
        if case .scoring = p.stage { line("Scoring your read…", .muted); return }
        if let error = p.feedbackError { line("No feedback: \(error)", .error); return }
        guard let practiceCase = p.feedback else { return }

        let labels = Dictionary((state.study?.specs ?? []).map { ($0.key, $0.label) }, uniquingKeysWith: { a, _ in a })
        let labelWidth = min(18, max(10, w - 4 * 12))
        let column = min(14, max(11, (w - labelWidth - 12) / 3))
        let board = p.scoreboard
        // The scoreboard keeps its lines; findings get the rest (a long spine list is cut).
        let boardLines = 4 + (board?.groups.count ?? 0)
        // The model column comes with what the model is (and is not) for.
        for n in notes { line("Model: " + n, .warning) }
        line(TextLayout.fit("Finding", labelWidth) + " " + ["You", "Model", "Reference"].map { TextLayout.fit($0, column) }
                .joined(separator: " ") + " You = model", .header)
        let room = max(1, inner.maxY - y - boardLines - 1)
        let feedback = practiceCase.findings.compactMap { try? $0.feedback() }
        // When they do not all fit, the discrepancies are kept first, in reading order.
        var shown = Array(feedback.indices)
        if feedback.count > room {
            let wrong = feedback.indices.filter { feedback[$0].isDiscrepancy }
            let rest = feedback.indices.filter { !feedback[$0].isDiscrepancy }
            shown = Array((wrong + rest).prefix(room - 1)).sorted()
        }
        for i in shown {
            let f = feedback[i]
            guard y < inner.maxY else { break }
            var x = inner.x + 1
            x += grid.write(TextLayout.fit(labels[f.finding] ?? f.finding, labelWidth) + " ", x: x, y: y,
                            style: theme.style(.normal), maxWidth: inner.maxX - x)
            x += cell(value(f.reader, f.difference), f.readerVsReference, width: column, x: x, y: y, inner: inner, theme: theme, grid: &grid)
            x += cell(value(f.model, nil), f.modelVsReference, width: column, x: x, y: y, inner: inner, theme: theme, grid: &grid)
            x += grid.write(TextLayout.fit(f.reference ?? "—", column) + " ", x: x, y: y, style: theme.style(.success),
                            maxWidth: inner.maxX - x)
            let same = f.readerVsModel == .missing ? "—" : (f.readerVsModel == .agree ? "yes" : "no")
            grid.write(same, x: x, y: y, style: theme.style(.muted), maxWidth: inner.maxX - x)
            y += 1
        }
        let hidden = feedback.indices.filter { !shown.contains($0) }
        if !hidden.isEmpty {
            let allRight = hidden.allSatisfy { !feedback[$0].isDiscrepancy }
            line("… \(hidden.count) more" + (allRight ? ", all agreeing with the reference" : ": `lightbox practice review` lists them"), .muted)
        }
        line("✓ agrees with the reference · ✗ differs (bone age: within 12 months agrees)", .muted)
        y += 1
        guard let board else { line("Scoreboard unavailable: a value is outside its scale", .error); return }
        line("Scoreboard · \(board.cases) signed case\(board.cases == 1 ? "" : "s")", .title)
        line(TextLayout.fit("finding", 14) + " " + ["n", "agree", "κ", "weighted κ", "MAD you/model"]
                .enumerated().map { TextLayout.fit($1, $0 == 0 ? 4 : ($0 == 4 ? 14 : 10)) }.joined(separator: " "), .header)
        for g in board.groups {
            let mad = g.readerMAD.map { "\(number($0, 1)) / \(g.modelMAD.map { number($0, 1) } ?? "—") mo" } ?? "—"
            line(TextLayout.fit(g.group, 14) + " " + TextLayout.fit(String(g.count), 4) + " "
                 + [g.agreement, g.kappa, g.weightedKappa].map { TextLayout.fit($0.map { number($0, 2) } ?? "—", 10) }.joined(separator: " ")
                 + " " + mad, .normal)
        }
        let thisCase = practiceCase.activeSeconds.map { "this case \(number($0, 0)) s" } ?? "this case —"
        let mean = board.meanActiveSeconds.map { "mean \(number($0, 0)) s" } ?? "mean —"
        line("agreement with the model \(board.agreementWithModel.map { number($0, 2) } ?? "—") · time \(thisCase), \(mean) per case", .normal)
    }

    /// A value and its mark against the reference; returns the width written.
    private static func cell(_ text: String, _ agreement: Agreement, width: Int, x: Int, y: Int, inner: Rect, theme: Theme,
                             grid: inout CellGrid) -> Int {
        let mark: String, role: Role
        switch agreement {
        case .agree: mark = "✓"; role = .success
        case .disagree: mark = "✗"; role = .error
        case .missing: mark = " "; role = .muted
        }
        return grid.write(TextLayout.fit(mark + " " + text, width) + " ", x: x, y: y, style: theme.style(role), maxWidth: max(0, inner.maxX - x))
    }

    private static func value(_ v: String?, _ difference: Double?) -> String {
        guard let v else { return "—" }
        guard let difference else { return v }
        return "\(v) (\(difference >= 0 ? "+" : "")\(number(difference, 0)))"
    }

    private static func number(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
}
