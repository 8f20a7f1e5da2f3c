import TerminalUI

/// The `?` overlay: every key, centred over the current screen.
enum HelpView {
    static func render(in area: Rect, keys: KeyBindings, theme: Theme, grid: inout CellGrid) {
        let help = keys.help
        let keyWidth = 16
        let width = min(area.width - 2, 76)
        let height = min(area.height - 2, help.count + 2)
        guard width > 20, height > 4 else { return }
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        grid.fill(box, with: Cell(" ", style: theme.style(.normal)))
        Box.draw(box, title: "Keys — any key closes", style: theme.style(.border), titleStyle: theme.style(.title), grid: &grid)
        let inner = box.inset(by: 1)
        for (i, item) in help.prefix(inner.height).enumerated() {
            grid.write(TextLayout.fit(item.keys, keyWidth), x: inner.x + 1, y: inner.y + i, style: theme.style(.key))
            grid.write(item.what, x: inner.x + 2 + keyWidth, y: inner.y + i, style: theme.style(.normal),
                       maxWidth: inner.width - keyWidth - 3)
        }
    }
}
