import TerminalUI

/// The open prompt, drawn as a small box at the bottom of the findings side.
enum PromptView {
    static func render(_ prompt: Prompt, state: AppState, in area: Rect, theme: Theme, grid: inout CellGrid) {
        let lines: [String]
        let title: String
        var selectedLine: Int? = nil
        switch prompt {
        case .choose(let f, let options, let selected):
            title = "Your value: " + (state.study?.specs[f].label ?? "")
            // The highlight alone (a theme's selection colour) can be faint: the arrow marks it too.
            lines = options.enumerated().map { "\($0.offset == selected ? "▸" : " ") \($0.offset + 1)  \($0.element)" }
                + ["↑↓ or digit moves ▸ · Enter picks · Esc"]
            selectedLine = selected
        case .type(let f, let text):
            title = "Your value: " + (state.study?.specs[f].label ?? "")
            lines = ["> " + text + "▏", "months (126) or years (10y, 10y6m); Enter, Esc"]
        case .reason(_, let text):
            title = "Reason for the override (optional)"
            lines = ["> " + text + "▏", "Enter saves (empty skips), Esc skips"]
        case .search(let text):
            title = "Search the queue"
            lines = ["/ " + text + "▏", "id, kind, body part or modality; Enter keeps, Esc clears"]
        case .confidence(let text):
            title = "Confidence"
            lines = ["> " + text + "▏", state.ratingScale.confidenceHint]
        }
        var width = min(area.width - 2, max(44, title.count + 6, (lines.map(\.count).max() ?? 0) + 4))
        let height = min(area.height - 2, lines.count + 2)
        guard width > 10, height > 2 else { return }
        var x = area.maxX - width - 1
        // On the study screen the box spans the findings panel, so no panel text (the
        // pending/confidence footer) peeks out beside it.
        let (_, panel) = StudyLayout.panes(for: grid.size, viewer: state.viewer)
        if state.screen == .study, !state.viewer, panel.width - 2 >= width, panel.maxX <= area.maxX {
            width = panel.width - 2
            x = panel.x + 1
        }
        let box = Rect(x: x, y: area.maxY - height - 1, width: width, height: height)
        grid.fill(box, with: Cell(" ", style: theme.style(.prompt)))
        Box.draw(box, title: title, style: theme.style(.border), titleStyle: theme.style(.title), grid: &grid)
        for (i, l) in lines.prefix(height - 2).enumerated() {
            let role: Role = i == selectedLine ? .selection : (i == lines.count - 1 ? .muted : .prompt)
            grid.write(TextLayout.fit(l, width - 4), x: box.x + 2, y: box.y + 1 + i, style: theme.style(role), maxWidth: width - 4)
        }
    }
}
