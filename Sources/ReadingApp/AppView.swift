import Common
import TerminalUI

/// Renders the whole screen from the state. Pure: no curses, no I/O.
public enum AppView {
    public static func render(_ state: AppState, size: Size, theme: Theme) -> CellGrid {
        var grid = CellGrid(size: size, fill: Cell(" ", style: theme.style(.normal)))
        let all = grid.bounds
        guard size.width >= 20, size.height >= 6 else {
            grid.write("Terminal too small", x: 0, y: 0, style: theme.style(.error))
            return grid
        }
        let (top, rest) = all.takeTop(1)
        let (body, bottom) = rest.takeBottom(1)
        grid.fill(top, with: Cell(" ", style: theme.style(.statusBar)))
        grid.write(" " + title(state, width: size.width - 1), x: 0, y: top.y, style: theme.style(.statusBar), maxWidth: size.width)
        switch state.screen {
        case .queue:
            QueueView.render(state, in: body, theme: theme, grid: &grid)
        case .study:
            if let s = state.study { StudyView.render(state, s, in: body, theme: theme, grid: &grid) }
        }
        if let practice = state.practice, practice.stage != .reading {
            PracticeFeedbackView.render(practice, state: state, in: body, theme: theme, grid: &grid)
        }
        if let p = state.prompt { PromptView.render(p, state: state, in: body, theme: theme, grid: &grid) }
        if state.showHelp { HelpView.render(in: body, keys: state.keys, viewer: state.viewer, theme: theme, grid: &grid) }
        StatusLine.render(state, in: bottom, theme: theme, grid: &grid)
        return grid
    }

    static func title(_ state: AppState, width: Int = .max) -> String {
        switch state.screen {
        case .queue:
            let unread = state.rows.filter { !$0.isBroken && $0.status == .unread }.count
            let progress = state.rows.filter { $0.status == .inProgress }.count
            let broken = state.rows.filter(\.isBroken).count
            var t = "Lightbox · \(state.libraryName) · \(state.rows.count) studies · \(unread) unread · \(progress) in progress · \(state.signedCount) signed"
            if broken > 0 { t += " · \(broken) broken" }
            if t.count > width {
                // Narrow terminals: the counts stay, the words shrink.
                t = "\(state.libraryName) · \(state.rows.count) studies: \(unread) unread, \(progress) open, \(state.signedCount) signed"
                if broken > 0 { t += ", \(broken) broken" }
            }
            if !state.filter.isEmpty { t += " · showing \(state.visibleRows.count): \(state.filter.summary)" }
            return t
        case .study:
            guard let s = state.study else { return "Lightbox" }
            if state.viewer { return "Lightbox · view · \(s.study.id)" }
            let m = s.study.manifest
            return "\(m.id) · \(m.kind.rawValue) · \(m.modality) \(m.bodyPart) · \(m.patient.sex.rawValue) \(AgeText.short(months: m.patient.ageMonths))"
        }
    }
}
