import CNCurses
import Foundation
import TerminalUI

/// The real terminal. Text cells go through curses (which diffs and writes
/// only changes); image cells with direct colours are written raw after each
/// refresh, because curses' colour pairs cannot hold 256 grey levels.
public final class NCursesTerminal: TerminalBackend {
    private let window: UnsafeMutablePointer<WINDOW>
    public let colorMode: ColorMode
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    private var lastDirect: [Int: Cell] = [:]
    /// One key per row of what curses was given last frame (raw cells as blanks).
    private var lastRowKeys: [Int] = []
    private var lastSize: Size
    private var needsFullRedraw = true
    /// Sixel or kitty output for the grid's pixel layer (half-block mode: unused).
    private var graphics: GraphicsPane
    private var lastLayer: PixelLayer?

    private struct PairKey: Hashable { let fg: Int; let bg: Int }

    /// Starts curses. `environment` decides truecolor; call `shutdown()` before exit.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                graphics: GraphicsMode = .halfblock, cellPixels: Size? = nil) {
        self.graphics = GraphicsPane(mode: graphics, cellPixels: cellPixels)
        setlocale(LC_ALL, "")
        guard let w = initscr() else { fatalError("ncurses could not initialise the terminal") }
        window = w
        cbreak()
        noecho()
        nonl()
        keypad(w, true)
        set_escdelay(25)
        curs_set(0)
        if has_colors() {
            start_color()
            use_default_colors()
        }
        colorMode = ColorMode.detect(environment: environment, colors: has_colors() ? Int(lb_colors()) : 0)
        lastSize = Size(width: Int(lb_max_x(w)), height: Int(lb_max_y(w)))
    }

    /// Switches image drawing once the terminal's answers are known.
    public func useGraphics(_ mode: GraphicsMode, cellPixels: Size?) {
        graphics = GraphicsPane(mode: mode, cellPixels: cellPixels)
        needsFullRedraw = true
    }

    public func shutdown() {
        RawOutput.write(graphics.clear())
        endwin()
    }

    public var size: Size { Size(width: Int(lb_max_x(window)), height: Int(lb_max_y(window))) }

    public func draw(_ grid: CellGrid) {
        if grid.size != lastSize {
            lastSize = grid.size
            needsFullRedraw = true
        }
        var direct: [Int: Cell] = [:]
        var rowKeys = [Int](repeating: 0, count: grid.size.height)
        for y in 0..<grid.size.height {
            var row = Hasher()
            for x in 0..<grid.size.width {
                let cell = grid[x, y]
                if cell.style.fg.isDirect || cell.style.bg.isDirect {
                    direct[y * grid.size.width + x] = cell
                    // curses keeps a blank here so it never paints over the raw pixels.
                    _ = lb_put_cell(window, Int32(y), Int32(x), wchar_t(32), lb_a_normal(), 0)
                    row.combine(32)
                } else {
                    let (attrs, pair) = attributes(cell.style)
                    _ = lb_put_cell(window, Int32(y), Int32(x), wchar_t(bitPattern: cell.char.value), attrs, pair)
                    row.combine(cell.char.value); row.combine(attrs); row.combine(pair)
                }
            }
            rowKeys[y] = row.finalize()
        }
        // Cells that stop being raw must be repainted by curses, which believes they are still blank.
        if lastDirect.keys.contains(where: { direct[$0] == nil }) { needsFullRedraw = true }
        // A scroll by curses would move raw pixels it does not know about; a full repaint never scrolls.
        if !lastDirect.isEmpty && CursesLineMoves.mayScroll(old: lastRowKeys, new: rowKeys) { needsFullRedraw = true }
        lastRowKeys = rowKeys
        if needsFullRedraw { redrawwin(window) }
        wnoutrefresh(window)
        doupdate()
        var changed: [(x: Int, y: Int, cell: Cell)] = []
        for key in direct.keys.sorted() {
            let cell = direct[key]!
            if needsFullRedraw || lastDirect[key] != cell {
                changed.append((x: key % grid.size.width, y: key / grid.size.width, cell: cell))
            }
        }
        let seq = DirectCellWriter(mode: colorMode).sequence(for: changed)
        if !seq.isEmpty {
            // Curses has flushed its own output in doupdate(); write ours after it.
            RawOutput.write(seq)
        }
        lastDirect = direct
        drawPixelLayer(grid)
        needsFullRedraw = false
    }

    /// Writes the pixel layer after curses: only when it changed or the
    /// screen was repainted (a repaint erases sixel pixels). When the layer
    /// goes away, kitty's image is deleted and curses repaints the cells.
    private func drawPixelLayer(_ grid: CellGrid) {
        guard graphics.mode == .sixel || graphics.mode == .kitty else { return }
        if let layer = grid.pixelLayer {
            if layer != lastLayer || needsFullRedraw {
                RawOutput.write(graphics.frame(layer.image, in: layer.rect, screenRows: grid.size.height))
            }
        } else if lastLayer != nil {
            RawOutput.write(graphics.clear())
            redrawwin(window)
            wrefresh(window)
        }
        lastLayer = grid.pixelLayer
    }

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        wtimeout(window, Int32(timeoutMilliseconds))
        var ch: wint_t = 0
        let rc = wget_wch(window, &ch)
        if rc == ERR { return nil }
        if rc == KEY_CODE_YES {
            let code = Int32(ch)
            if code == lb_key_resize() {
                needsFullRedraw = true
                return .resize(size)
            }
            return KeyDecoder.functionKey(code).map { .key($0) }
        }
        return KeyDecoder.character(UInt32(ch)).map { .key($0) }
    }

    private func attributes(_ s: Style) -> (UInt32, Int32) {
        var a = lb_a_normal()
        if s.bold { a |= lb_a_bold() }
        if s.reverse { a |= lb_a_reverse() }
        if s.underline { a |= lb_a_underline() }
        if s.dim { a |= lb_a_dim() }
        guard has_colors() else { return (a, 0) }
        let key = PairKey(fg: colorIndex(s.fg), bg: colorIndex(s.bg))
        if key.fg == -1 && key.bg == -1 { return (a, 0) }
        if let p = pairs[key] { return (a, p) }
        guard nextPair < lb_color_pairs() else { return (a, 0) }
        let p = nextPair
        nextPair += 1
        init_extended_pair(p, Int32(key.fg), Int32(key.bg))
        pairs[key] = p
        return (a, p)
    }

    private func colorIndex(_ c: Color) -> Int {
        let i = c.xterm256
        guard i >= 0 else { return -1 }
        let colors = Int(lb_colors())
        if i < colors { return i }
        // Fewer colours than the theme asks for: fold onto the 8 basic ones.
        return colors >= 8 ? i % 8 : -1
    }
}
