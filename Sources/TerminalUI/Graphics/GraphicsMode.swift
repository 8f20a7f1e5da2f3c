/// How the image pane puts pixels on screen (`--graphics`).
public enum GraphicsMode: String, CaseIterable, Sendable {
    case auto, halfblock, kitty, sixel

    /// `auto` takes the best the terminal answered for: kitty (exact 256
    /// levels, scaled by the terminal), then sixel (needs the cell size to size
    /// its pixels), then half-blocks, which every terminal can show. An explicit
    /// choice is obeyed, since a multiplexer or a slow link can hide answers
    /// from a terminal that does support it. Never returns `auto`.
    public static func resolve(requested: GraphicsMode, capabilities: GraphicsCapabilities,
                               gridSize: Size? = nil) -> GraphicsMode {
        guard requested == .auto else { return requested }
        if capabilities.kitty { return .kitty }
        let cell = gridSize.map { capabilities.cellPixels(gridSize: $0) } ?? capabilities.cellPixels
        if capabilities.sixel, cell != nil { return .sixel }
        return .halfblock
    }
}
