import TerminalUI

/// The `?` overlay: every key, centred over the current screen.
enum HelpView {
    static func render(in area: Rect, keys: KeyBindings, viewer: Bool = false, theme: Theme, grid: inout CellGrid) {
        let help = viewer ? viewerHelp(keys) : keys.help
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

    /// `lightbox view`: only the image keys (no queue, findings or signing there).
    static func viewerHelp(_ keys: KeyBindings) -> [(keys: String, what: String)] {
        let imageRows: Set<String> = ["1…9  [ ]  ← →", "w  W", "<  >  ,  .", "+  -  0  H J K L"]
        let builtIn = KeyMap.help.map(\.keys)
        let rows = zip(builtIn, keys.help).filter { imageRows.contains($0.0) }.map(\.1)
        let invert = keys.keys(for: "invert").map(KeyName.display).joined(separator: " ")
        return rows + [(invert.isEmpty ? "—" : invert, "invert grey scale"), ("?", "this help"), ("Esc  q", "quit the viewer")]
    }
}
