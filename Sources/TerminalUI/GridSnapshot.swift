/// A grid as golden-file text: the screen's lines, then a style section with
/// runs of equal style per line ("y x-x role"). Styles are named through the
/// theme's roles so a golden file survives colour changes that keep meaning.
public enum GridSnapshot {
    public static func render(_ grid: CellGrid, theme: Theme) -> String {
        var reverse: [Style: String] = [:]
        for role in Role.allCases.reversed() { reverse[theme.style(role)] = role.rawValue }
        var out = grid.lines.joined(separator: "\n") + "\n--- styles\n"
        for y in 0..<grid.size.height {
            var x = 0
            var runs: [String] = []
            func name(_ s: Style) -> String {
                s.fg.isDirect || s.bg.isDirect ? "image" : (reverse[s] ?? "unthemed")
            }
            while x < grid.size.width {
                let n = name(grid[x, y].style)
                var end = x
                while end + 1 < grid.size.width && name(grid[end + 1, y].style) == n { end += 1 }
                if n != "normal" { runs.append("\(x)-\(end) \(n)") }
                x = end + 1
            }
            if !runs.isEmpty { out += "\(y): " + runs.joined(separator: ", ") + "\n" }
        }
        return out
    }
}
