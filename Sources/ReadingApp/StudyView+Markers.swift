import TerminalUI

extension StudyView {
    /// The AI's located points (spine level centres): a tick and the label just right of
    /// the image on the row of each point, or at the pane's right edge when the image
    /// fills it. Only with the AI on screen; `m` hides them.
    static func renderMarkers(_ state: AppState, _ s: OpenStudy, _ r: RenderedImage, in inner: Rect, theme: Theme,
                              grid: inout CellGrid) {
        guard s.showMarkers, state.mayShow(.aiFindings, study: s.study.id), case .ready(let ai) = s.ai, let marks = ai.markers[s.imageIndex], !marks.isEmpty,
              r.sourceHeight > 0, r.image.height > 0 else { return }
        // Screen pixels per cell: half-blocks are two pixels a cell; kitty/sixel the cell's size.
        let halfblock = state.graphics == .halfblock
        let cellW = halfblock ? 1 : max(1, state.cellPixels.width)
        let cellH = halfblock ? 2 : max(1, state.cellPixels.height)
        // The image is centred in the pane (letterboxed).
        let top = (inner.height * cellH - r.image.height) / 2
        let right = (inner.width * cellW + r.image.width + 1) / 2
        let rightCol = inner.x + (right + cellW - 1) / cellW
        for m in marks {
            let py = Double(top) + (m.y - r.sourceY) / r.sourceHeight * Double(r.image.height)
            guard py >= 0 else { continue }
            let row = inner.y + Int(py) / cellH
            guard row < inner.maxY, m.y >= r.sourceY, m.y < r.sourceY + r.sourceHeight else { continue }  // zoomed out of view
            let text = "◂" + m.label
            let x = max(inner.x, min(rightCol, inner.maxX - text.count))
            grid.write(text, x: x, y: row, style: theme.style(.aiValue), maxWidth: inner.maxX - x)
        }
    }
}
