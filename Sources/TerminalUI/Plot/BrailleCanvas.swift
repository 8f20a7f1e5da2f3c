/// Dots drawn with braille characters: each cell holds 2 × 4 dots, so a pane
/// of W × H cells is a W·2 × H·4 dot raster — four times the half-block
/// resolution for line plots. A cell takes the role of the last dot drawn in it
/// (a terminal cell has one foreground colour), so draw background series first.
public struct BrailleCanvas: Sendable, Equatable {
    public let columns: Int
    public let rows: Int
    private var bits: [UInt8]
    private var roles: [Role?]

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns); self.rows = max(0, rows)
        bits = Array(repeating: 0, count: self.columns * self.rows)
        roles = Array(repeating: nil, count: self.columns * self.rows)
    }

    public var dotWidth: Int { columns * 2 }
    public var dotHeight: Int { rows * 4 }

    /// Unicode braille numbers dots 1-2-3-7 down the left column, 4-5-6-8 down the right.
    private static let dotBit: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Dot (x, y) with y = 0 at the top; outside the canvas is clipped.
    public mutating func set(x: Int, y: Int, role: Role) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let i = (y / 4) * columns + x / 2
        bits[i] |= Self.dotBit[x % 2][y % 4]
        roles[i] = role
    }

    public func isSet(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return false }
        return bits[(y / 4) * columns + x / 2] & Self.dotBit[x % 2][y % 4] != 0
    }

    /// A straight line between two dot positions (Bresenham), both ends drawn;
    /// `spacing` > 1 draws every `spacing`-th dot (a dotted line).
    public mutating func line(from a: (x: Double, y: Double), to b: (x: Double, y: Double), role: Role, spacing: Int = 1) {
        guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { return }
        let limit = Double(4 * (dotWidth + dotHeight) + 8)
        func clamp(_ v: Double) -> Int { Int(min(max(v, -limit), limit).rounded()) }
        var x0 = clamp(a.x), y0 = clamp(a.y)
        let x1 = clamp(b.x), y1 = clamp(b.y)
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var error = dx + dy, step = 0
        while true {
            if spacing <= 1 || step % spacing == 0 { set(x: x0, y: y0, role: role) }
            step += 1
            if x0 == x1 && y0 == y1 { break }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x0 += sx }
            if e2 <= dx { error += dx; y0 += sy }
        }
    }

    /// The character of cell (column, row): U+2800 plus the dot bits (a blank braille cell is a space).
    public func character(column: Int, row: Int) -> Unicode.Scalar {
        let b = bits[row * columns + column]
        return b == 0 ? " " : Unicode.Scalar(0x2800 + UInt32(b))!
    }

    public func role(column: Int, row: Int) -> Role? { roles[row * columns + column] }

    /// Writes the non-empty cells into `grid` with their top left at (x, y); empty cells are left as they are.
    public func draw(x: Int, y: Int, grid: inout CellGrid, theme: Theme) {
        for row in 0..<rows {
            for column in 0..<columns where bits[row * columns + column] != 0 {
                grid.put(Cell(character(column: column, row: row), style: theme.style(roles[row * columns + column] ?? .normal)),
                         x: x + column, y: y + row)
            }
        }
    }

    /// The canvas as text lines, for tests.
    public var lines: [String] {
        (0..<rows).map { row in
            var s = String.UnicodeScalarView()
            for column in 0..<columns { s.append(character(column: column, row: row)) }
            return String(s)
        }
    }
}
