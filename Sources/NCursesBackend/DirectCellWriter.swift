import TerminalUI

/// Builds the escape sequences for cells whose colours curses cannot show
/// (image pixels): absolute cursor moves and SGR colours, wrapped in DECSC/DECRC
/// so curses' idea of the cursor position and attributes stays true.
struct DirectCellWriter {
    let mode: ColorMode

    func sequence(for cells: [(x: Int, y: Int, cell: Cell)]) -> String {
        guard !cells.isEmpty else { return "" }
        var out = "\u{1B}7"
        var lastY = -1, lastX = -2
        for item in cells {
            if item.y != lastY || item.x != lastX + 1 { out += "\u{1B}[\(item.y + 1);\(item.x + 1)H" }
            out += sgr(item.cell.style)
            switch mode {
            case .basic:
                out.unicodeScalars.append(shade(item.cell.style))
            default:
                out.unicodeScalars.append(item.cell.char)
            }
            lastY = item.y; lastX = item.x
        }
        out += "\u{1B}[0m\u{1B}8"
        return out
    }

    private func sgr(_ s: Style) -> String {
        switch mode {
        case .truecolor: return "\u{1B}[0;" + part(s.fg, 38) + ";" + part(s.bg, 48) + "m"
        case .palette256: return "\u{1B}[0;38;5;\(max(0, s.fg.xterm256));48;5;\(max(0, s.bg.xterm256))m"
        case .basic: return "\u{1B}[0m"
        }
    }

    private func part(_ c: Color, _ base: Int) -> String {
        switch c {
        case .grey(let g): return "\(base);2;\(g);\(g);\(g)"
        case .rgb(let r, let g, let b): return "\(base);2;\(r);\(g);\(b)"
        case .indexed(let i): return "\(base);5;\(i)"
        case .default: return base == 38 ? "39" : "49"
        }
    }

    /// Eight-colour terminals: the mean of the two half-pixels as a density character.
    private func shade(_ s: Style) -> Unicode.Scalar {
        func level(_ c: Color) -> Int {
            if case .grey(let g) = c { return Int(g) }
            return 0
        }
        let v = (level(s.fg) + level(s.bg)) / 2
        let ramp: [Unicode.Scalar] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]
        return ramp[min(ramp.count - 1, v * ramp.count / 256)]
    }
}
