/// How a cell looks: colours and attributes. Views never pick styles directly:
/// they ask the theme for a `Role`.
public struct Style: Hashable, Sendable {
    public var fg: Color
    public var bg: Color
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(fg: Color = .default, bg: Color = .default, bold: Bool = false, reverse: Bool = false,
                underline: Bool = false, dim: Bool = false) {
        self.fg = fg; self.bg = bg; self.bold = bold; self.reverse = reverse
        self.underline = underline; self.dim = dim
    }

    public static let plain = Style()
}
