import Common
import Foundation
import ReaderStudy
import TerminalUI

/// The study screen: the image first (left), findings and decisions beside it.
enum StudyView {
    static func render(_ state: AppState, _ s: OpenStudy, in area: Rect, theme: Theme, grid: inout CellGrid) {
        let (imageArea, panel) = StudyLayout.panes(for: grid.size, viewer: state.viewer)
        renderImage(state, s, in: imageArea, theme: theme, grid: &grid)
        if !state.viewer { renderFindings(state, s, in: panel, theme: theme, grid: &grid) }
    }

    static func renderImage(_ state: AppState, _ s: OpenStudy, in area: Rect, theme: Theme, grid: inout CellGrid) {
        let views = s.study.images.count
        let label = s.study.images.indices.contains(s.imageIndex) ? (s.study.images[s.imageIndex].view ?? "image") : "image"
        var title = "\(label) \(s.imageIndex + 1)/\(views)"
        if let r = s.rendered {
            title += " · \(r.presetName) W \(Int(r.window.width.rounded())) L \(Int(r.window.center.rounded()))"
        }
        if s.view.zoom > 1 { title += " · ×\(s.view.zoom < 10 ? String(format: "%.1f", s.view.zoom) : String(Int(s.view.zoom)))" }
        if s.view.invert { title += " · inverted" }
        if s.rendered?.rgb != nil { title += " · heat map" }
        Box.draw(area, title: title, style: theme.style(.border), titleStyle: theme.style(.title), grid: &grid)
        let inner = area.inset(by: 1)
        guard !inner.isEmpty else { return }
        if let r = s.rendered, r.image.width > 0 {
            if state.graphics == .halfblock, let rgb = r.rgb {
                HalfBlockImage.drawRGB(rgb, width: r.image.width, height: r.image.height, in: inner, grid: &grid)
            } else if state.graphics == .halfblock {
                let canvas = HalfBlockImage.pixelSize(for: inner)
                HalfBlockImage.draw(r.image.letterboxed(into: canvas), in: inner, grid: &grid)
            } else {
                grid.pixelLayer = PixelLayer(image: r.image, rect: inner)
            }
            renderMarkers(state, s, r, in: inner, theme: theme, grid: &grid)
        } else {
            let text = s.imageError ?? "Loading image…"
            let lines = TextLayout.wrap(text, max(1, inner.width - 2))
            for (i, l) in lines.prefix(inner.height).enumerated() {
                grid.write(l, x: inner.x + 1, y: inner.y + inner.height / 2 - lines.count / 2 + i,
                           style: theme.style(s.imageError == nil ? .muted : .error), maxWidth: inner.width - 2)
            }
        }
    }

    static func renderFindings(_ state: AppState, _ s: OpenStudy, in area: Rect, theme: Theme, grid: inout CellGrid) {
        Box.draw(area, title: "Findings", style: theme.style(.border), titleStyle: theme.style(.title), grid: &grid)
        let inner = area.inset(by: 1)
        guard inner.width > 4, inner.height > 2 else { return }
        var y = inner.y
        let w = inner.width - 1
        func line(_ text: String, _ role: Role) {
            guard y < inner.maxY else { return }
            grid.write(TextLayout.fit(text, w), x: inner.x + 1, y: y, style: theme.style(role), maxWidth: w)
            y += 1
        }
        if let note = passNote(s) { for l in TextLayout.wrap(note, w) { line(l, .warning) } }
        // The gate, not the AI state, decides: a result that reached a blinded read stays off screen.
        let showsAI = state.mayShow(.aiFindings, study: s.study.id)
        switch showsAI ? s.ai : .hidden {
        case .hidden:
            for l in TextLayout.wrap(hiddenAINote(state, s), w) { line(l, .muted) }
        case .noModel:
            line("No model loaded for \(s.study.kind.rawValue) studies.", .warning)
            line("Record your own values with o.", .muted)
        case .running:
            line("AI running…", .muted)
        case .failed(let message):
            for l in TextLayout.wrap("AI failed: \(message)", w).prefix(2) { line(l, .error) }
        case .ready(let result):
            let focusKey = s.decisions.indices.contains(s.focus) ? s.decisions[s.focus].finding : nil
            for l in FindingsPanelLayout.aiLines(result, focusKey: focusKey, width: w, innerHeight: inner.height,
                                                 decisions: s.decisions.count) { line(l.text, l.role) }
        }
        y += 1
        let labelWidth = min(18, max(8, w - 26))
        if y < inner.maxY {
            line(TextLayout.fit("Finding", labelWidth) + " " + TextLayout.fit(showsAI && s.ai != .hidden ? "AI" : "", 11) + " You", .header)
        }
        let rows = max(0, inner.maxY - y - 1)
        let top = max(0, min(s.focus - rows / 2, s.decisions.count - rows))
        for i in s.decisions.indices.dropFirst(top).prefix(rows) {
            let d = s.decisions[i]
            let focused = i == s.focus
            let style = focused ? theme.style(.selection) : theme.style(.normal)
            grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), with: Cell(" ", style: style))
            grid.write(focused ? "▸" : " ", x: inner.x, y: y, style: style)
            var x = inner.x + 1
            x += grid.write(TextLayout.fit(s.specs[i].label, labelWidth) + " ", x: x, y: y, style: style, maxWidth: inner.maxX - x)
            let aiText = !showsAI || s.ai == .hidden ? "" : (d.aiValue ?? "—")
            x += grid.write(TextLayout.fit(aiText, 11) + " ", x: x, y: y, style: focused ? style : theme.style(.aiValue), maxWidth: inner.maxX - x)
            let mark: String
            let role: Role
            switch d.state {
            case .pending: mark = "·"; role = .pending
            case .accepted: mark = "✓"; role = .accepted
            case .overridden: mark = "✎"; role = .overridden
            }
            grid.write(mark + " " + (d.readerValue ?? "pending"), x: x, y: y, style: focused ? style : theme.style(role),
                       maxWidth: inner.maxX - x)
            y += 1
        }
        do {
            let conf = s.confidence.map { "confidence \($0)/\(state.ratingScale.confidenceRange.upperBound)" } ?? "confidence —"
            let pending = s.pendingCount
            grid.write(TextLayout.fit("\(pending) pending · \(conf)", w), x: inner.x + 1, y: inner.maxY - 1,
                       style: theme.style(.muted), maxWidth: w)
        }
    }
}
