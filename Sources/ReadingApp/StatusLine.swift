import TerminalUI

/// Bottom line: reader, mode, progress, save state and one message (errors in one line).
enum StatusLine {
    static func render(_ state: AppState, in area: Rect, theme: Theme, grid: inout CellGrid) {
        let base = theme.style(.statusBar)
        grid.fill(area, with: Cell(" ", style: base))
        let position = state.study.map { "\($0.row + 1) of \(state.rows.count)" } ?? "\(state.signedCount)/\(state.readableCount) signed"
        let arm = state.study.flatMap { s in
            state.mayShow(.armLabel, study: s.study.id) ? state.blinding.arm(for: s.study.id).map { " · \($0.rawValue)" + (s.pass == .second ? " 2nd read" : "") } : nil
        } ?? ""
        var saved = ""
        if let s = state.study, !state.viewer { saved = s.readId == nil ? " · opening…" : (s.paused ? " · paused" : " · saved") }
        var left = state.viewer ? " \(state.study?.study.id ?? "")" : " \(state.reader) · \(state.blinding.label)\(arm) · \(position)\(saved)"
        // A message that would be cut off drops the reader and mode (they do not change) to fit.
        if let m = state.message, left.count + 2 + m.count > area.width, !state.viewer {
            left = [" \(position)\(arm)\(saved)", " \(position)\(arm)", " \(position)"]
                .first { $0.count + 2 + m.count <= area.width } ?? " \(position)"
        }
        var x = grid.write(left, x: area.x, y: area.y, style: base, maxWidth: area.width)
        let hint = state.viewer ? "w window · +/- zoom · i invert · q quit"
            : (state.screen == .queue ? "Enter open · ? help · q quit" : "a accept · o override · S sign · ? help")
        if let m = state.message {
            x += grid.write("  " + m, x: area.x + x, y: area.y, style: state.messageIsError ? theme.style(.error) : base,
                            maxWidth: area.width - x)
        } else if area.width - x > hint.count + 2 {
            grid.write(hint, x: area.maxX - hint.count - 1, y: area.y, style: base)
        }
    }
}
