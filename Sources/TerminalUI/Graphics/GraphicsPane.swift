/// Puts an image pane on screen with pixels (kitty or sixel), and tells the
/// caller how large the image must be for any mode, keeping the proportions
/// of the film: pixel spacing on one side, the terminal's cell shape on the other.
///
/// Pure: it returns bytes for the backend to write after curses has flushed.
/// Value type with one piece of state, the kitty image id on screen.
public struct GraphicsPane: Sendable {
    /// `halfblock`, `kitty` or `sixel` (never `auto`: resolve it first).
    public let mode: GraphicsMode
    /// Cell size in pixels; a common 8×16 is assumed when the terminal did not say.
    public let cellPixels: Size
    public let sixel: SixelEncoder
    private var kittyOnScreen: UInt32?

    /// Kitty image ids used by the pane: two, alternating, so the new frame is
    /// placed before the old one is deleted.
    public static let kittyIDs: (UInt32, UInt32) = (0x4C42_0001, 0x4C42_0002)

    public init(mode: GraphicsMode, cellPixels: Size?, sixelRegisters: Int? = nil) {
        precondition(mode != .auto, "resolve the graphics mode before making a pane")
        self.mode = mode
        if let c = cellPixels, c.width > 0, c.height > 0 { self.cellPixels = c } else { self.cellPixels = Size(width: 8, height: 16) }
        sixel = SixelEncoder(registers: sixelRegisters ?? 256)
    }

    /// The pixel grid of a pane of `rect` cells: two pixels per cell for
    /// half-blocks, the cells' real pixels otherwise. A sixel pane never
    /// reaches the screen's last row: ending a sixel image there scrolls the
    /// screen in xterm (the cursor moves below the image's last band).
    public func canvasSize(for rect: Rect, screenRows: Int) -> Size {
        switch mode {
        case .halfblock, .auto:
            return HalfBlockImage.pixelSize(for: rect)
        case .kitty:
            return Size(width: rect.width * cellPixels.width, height: rect.height * cellPixels.height)
        case .sixel:
            let rows = rect.maxY >= screenRows ? max(0, screenRows - 1 - rect.y) : rect.height
            return Size(width: rect.width * cellPixels.width, height: rows * cellPixels.height)
        }
    }

    /// Width and height on screen of one canvas pixel, in screen pixels.
    private var canvasPixelShape: (Double, Double) {
        mode == .halfblock ? (Double(cellPixels.width), Double(cellPixels.height) / 2) : (1, 1)
    }

    /// The size to resample a `sourceWidth`×`sourceHeight` image to so that it
    /// fills as much of the canvas as it can with its true proportions.
    /// `pixelAspect` is the height of a source pixel over its width (row
    /// spacing / column spacing, from Pixel Spacing or Imager Pixel Spacing).
    public func fittedSize(sourceWidth: Int, sourceHeight: Int, pixelAspect: Double = 1, canvas: Size) -> Size {
        guard sourceWidth > 0, sourceHeight > 0, canvas.width > 0, canvas.height > 0 else { return Size(width: 0, height: 0) }
        let aspect = pixelAspect.isFinite && pixelAspect > 0 ? pixelAspect : 1
        let (pw, ph) = canvasPixelShape
        // Physical size in source-column units, then the largest scale (screen pixels per unit) that fits.
        let w = Double(sourceWidth), h = Double(sourceHeight) * aspect
        let scale = min(Double(canvas.width) * pw / w, Double(canvas.height) * ph / h)
        return Size(width: min(canvas.width, max(1, Int((w * scale / pw).rounded()))),
                    height: min(canvas.height, max(1, Int((h * scale / ph).rounded()))))
    }

    /// Bytes that show `image` (already windowed and resampled, at most the
    /// canvas size) centred in the pane `rect`; empty for half-blocks, which
    /// go through the cell grid. Write them after curses' refresh.
    public mutating func frame(_ image: GreyImage, in rect: Rect, screenRows: Int) -> [UInt8] {
        let canvas = canvasSize(for: rect, screenRows: screenRows)
        guard !rect.isEmpty, canvas.width > 0, canvas.height > 0 else { return clear() }
        switch mode {
        case .halfblock, .auto:
            return []
        case .sixel:
            return sixel.frame(image.letterboxed(into: canvas), atColumn: rect.x, row: rect.y)
        case .kitty:
            let id = kittyOnScreen == GraphicsPane.kittyIDs.0 ? GraphicsPane.kittyIDs.1 : GraphicsPane.kittyIDs.0
            let bytes = KittyEncoder(format: .png, zIndex: KittyEncoder.belowEverything).frame(image.letterboxed(into: canvas), atColumn: rect.x, row: rect.y,
                                             columns: rect.width, rows: rect.height, imageID: id, replacing: kittyOnScreen)
            kittyOnScreen = id
            return bytes
        }
    }

    /// Bytes that take the pane's pixels away (leaving the image screen).
    /// Kitty images stay until deleted; sixel pixels go when the cells under
    /// them are repainted, which the backend must force (curses believes they
    /// are already blank).
    public mutating func clear() -> [UInt8] {
        guard mode == .kitty, let id = kittyOnScreen else { return [] }
        kittyOnScreen = nil
        return KittyEncoder.delete(imageID: id)
    }
}
