/// The whole screen as values: views render into a grid, backends diff and
/// write grids. Writes outside the grid are clipped, never trapped.
public struct CellGrid: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Pixels drawn with terminal graphics over blank cells (nil in half-block mode).
    public var pixelLayer: PixelLayer?

    public init(size: Size, fill: Cell = .blank) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: fill, count: self.size.width * self.size.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    public var bounds: Rect { Rect(size: size) }

    public mutating func put(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        cells[y * size.width + x] = cell
    }

    /// Writes text from (x, y), clipped to `maxWidth` cells (and the grid).
    /// Returns the number of cells written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style, maxWidth: Int = .max) -> Int {
        guard y >= 0, y < size.height else { return 0 }
        var col = x
        let limit = maxWidth >= size.width ? size.width : min(size.width, x + max(0, maxWidth))
        for scalar in text.unicodeScalars {
            if col >= limit { break }
            let ch: Unicode.Scalar = scalar.value < 32 ? " " : scalar
            if col >= 0 { cells[y * size.width + col] = Cell(ch, style: style) }
            col += 1
        }
        return max(0, col - x)
    }

    public mutating func fill(_ rect: Rect, with cell: Cell) {
        for yy in max(0, rect.y)..<min(size.height, rect.maxY) {
            for xx in max(0, rect.x)..<min(size.width, rect.maxX) { cells[yy * size.width + xx] = cell }
        }
    }

    /// The characters of row `y`, trailing spaces kept (golden files compare whole lines).
    public func line(_ y: Int) -> String {
        var s = String.UnicodeScalarView()
        for xx in 0..<size.width { s.append(cells[y * size.width + xx].char) }
        return String(s)
    }

    public var lines: [String] { (0..<size.height).map(line) }
}
