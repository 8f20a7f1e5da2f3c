import Common
import TerminalUI

/// The study queue: status, AI flag (where the arm allows it), id, kind, body part, age/sex, views.
enum QueueView {
    static let flagWidth = 10

    static func render(_ state: AppState, in area: Rect, theme: Theme, grid: inout CellGrid) {
        let flags = state.showsQueueFlags
        // The id column grows to the longest id while the other columns still fit.
        let longest = state.rows.map { $0.id.unicodeScalars.count }.max() ?? 5
        let minId = flags ? 14 : 18
        let idWidth = min(max(minId, longest), max(minId, area.width - 2 - 12 - 11 - 10 - 9 - 5 - 6 - (flags ? flagWidth + 1 : 0)))
        var header = [("Status", 12), ("Study", idWidth), ("Kind", 11), ("Body part", 10), ("Sex/Age", 9), ("Views", 5)]
        if flags { header.insert(("AI", flagWidth), at: 1) }
        let sortedColumn: String? = switch state.sort {
        case .queue: nil
        case .aiFlag: "AI"
        case .age: "Sex/Age"
        case .kind: "Kind"
        case .status: "Status"
        }
        var y = area.y
        var x = area.x + 2
        for (title, w) in header {
            let text = title == sortedColumn ? title + " ▾" : title
            grid.write(TextLayout.fit(text, w), x: x, y: y, style: theme.style(.header), maxWidth: area.maxX - x)
            x += w + 1
        }
        y += 1
        let shown = state.visibleRows
        let visible = max(0, area.maxY - y)
        guard visible > 0 else { return }
        if shown.isEmpty {
            grid.write("No study matches \(state.filter.summary) — f and u cycle the filters, / changes the search",
                       x: area.x + 2, y: y, style: theme.style(.muted), maxWidth: area.width - 2)
            return
        }
        let at = shown.firstIndex(of: state.selected) ?? 0
        let top = max(0, min(at - visible / 2, shown.count - visible))
        for index in shown.dropFirst(top).prefix(visible) {
            let row = state.rows[index]
            let isSel = index == state.selected
            let base = isSel ? theme.style(.selection) : theme.style(.normal)
            grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: Cell(" ", style: base))
            grid.write(isSel ? "▸" : " ", x: area.x, y: y, style: base)
            x = area.x + 2
            let statusText = row.isBroken ? "broken" : row.status.rawValue
            let statusRole: Role = row.isBroken ? .error : (row.status == .signed ? .success : (row.status == .inProgress ? .warning : .normal))
            let statusStyle = isSel ? base : theme.style(statusRole)
            // Ids share long prefixes (ph-extremity-…): a cut keeps their distinct tails.
            var cols: [(String, Int, Style)] = [(statusText, 12, statusStyle), (Self.keepingTail(row.id, idWidth), idWidth, base)]
            if flags {
                let flag = state.queueFlag(row: index)
                let flagRole: Role = flag?.alert == true ? .error : .aiValue
                cols.insert(((flag?.alert == true ? "!" : " ") + (flag?.text ?? (row.study.map { state.showsQueueFlag(for: $0.id) } == true ? "·" : "")),
                             flagWidth, isSel ? base : theme.style(flagRole)), at: 1)
            }
            if let s = row.study {
                let m = s.manifest
                cols += [(m.kind.rawValue, 11, base), (m.bodyPart, 10, base),
                         ("\(m.patient.sex.rawValue) \(AgeText.short(months: m.patient.ageMonths))", 9, base),
                         (String(s.images.count), 5, base)]
            } else {
                // The rest of the row; a cut keeps the problem at the end of the message.
                let w = max(0, area.maxX - x)
                cols += [(Self.keepingTail(row.brokenMessage ?? "", w), w, isSel ? base : theme.style(.muted))]
            }
            for (text, w, style) in cols {
                grid.write(TextLayout.fit(text, w), x: x, y: y, style: style, maxWidth: max(0, area.maxX - x))
                x += w + 1
            }
            y += 1
        }
    }

    /// `text` in `width` columns: whole when it fits, else its start (a third) and end around "…".
    static func keepingTail(_ text: String, _ width: Int) -> String {
        let chars = Array(text)
        guard chars.count > width, width > 1 else { return text }
        let head = (width - 1) / 3
        return String(chars.prefix(head)) + "…" + String(chars.suffix(width - 1 - head))
    }
}
