/// One character cell of the screen.
public struct Cell: Hashable, Sendable {
    public var char: Unicode.Scalar
    public var style: Style

    public init(_ char: Unicode.Scalar = " ", style: Style = .plain) {
        self.char = char; self.style = style
    }

    public static let blank = Cell()
}
