/// A bordered panel with an optional title in the top edge.
public enum Box {
    public static func draw(_ rect: Rect, title: String?, style: Style, titleStyle: Style, grid: inout CellGrid) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let h: Unicode.Scalar = "─", v: Unicode.Scalar = "│"
        for x in rect.x + 1..<rect.maxX - 1 {
            grid.put(Cell(h, style: style), x: x, y: rect.y)
            grid.put(Cell(h, style: style), x: x, y: rect.maxY - 1)
        }
        for y in rect.y + 1..<rect.maxY - 1 {
            grid.put(Cell(v, style: style), x: rect.x, y: y)
            grid.put(Cell(v, style: style), x: rect.maxX - 1, y: y)
        }
        grid.put(Cell("┌", style: style), x: rect.x, y: rect.y)
        grid.put(Cell("┐", style: style), x: rect.maxX - 1, y: rect.y)
        grid.put(Cell("└", style: style), x: rect.x, y: rect.maxY - 1)
        grid.put(Cell("┘", style: style), x: rect.maxX - 1, y: rect.maxY - 1)
        if let title, !title.isEmpty, rect.width > 4 {
            grid.write(" \(title) ", x: rect.x + 1, y: rect.y, style: titleStyle, maxWidth: rect.width - 2)
        }
    }
}
