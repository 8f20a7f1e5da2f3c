/// What the terminal said about pixel graphics when asked (`query`), and
/// anything else that arrived meanwhile.
public struct GraphicsCapabilities: Equatable, Sendable {
    /// Primary device attributes listed 4 (sixel graphics).
    public var sixel = false
    /// The kitty graphics probe was answered `OK`.
    public var kitty = false
    /// Cell size in pixels (`CSI 6 ; height ; width t`).
    public var cellPixels: Size?
    /// Text area size in pixels (`CSI 4 ; height ; width t`).
    public var windowPixels: Size?
    /// Sixel colour registers (XTSMGRAPHICS `CSI ? 1 ; 0 ; n S`).
    public var sixelRegisters: Int?
    /// The primary device attributes reply arrived. It answers the last query
    /// of the burst and every terminal sends it, so it ends the wait.
    public var answeredDeviceAttributes = false
    /// Bytes that were not replies (keys typed during the query), in order, for
    /// the backend to hand on as input instead of dropping them.
    public var otherInput: [UInt8] = []

    public init(sixel: Bool = false, kitty: Bool = false, cellPixels: Size? = nil, windowPixels: Size? = nil,
                sixelRegisters: Int? = nil) {
        self.sixel = sixel; self.kitty = kitty; self.cellPixels = cellPixels
        self.windowPixels = windowPixels; self.sixelRegisters = sixelRegisters
    }

    /// Image id the kitty probe uses; its answer names it.
    public static let kittyProbeID = 31

    /// The query burst, written once before curses starts. Order matters: the
    /// device attributes request goes last, so its answer means all answers are in.
    public static let query: [UInt8] = Array((
        "\u{1B}_Gi=\(kittyProbeID),s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\"   // kitty: query a 1×1 RGB image
        + "\u{1B}[16t"                                                  // cell size in pixels
        + "\u{1B}[14t"                                                  // text area in pixels
        + "\u{1B}[?1;1;0S"                                              // XTSMGRAPHICS: sixel colour registers
        + "\u{1B}[c"                                                    // primary device attributes (sentinel)
    ).utf8)

    /// Cell size in pixels: reported directly, or the text area divided by the
    /// grid when only that was reported.
    public func cellPixels(gridSize: Size) -> Size? {
        if let cellPixels, cellPixels.width > 0, cellPixels.height > 0 { return cellPixels }
        guard let w = windowPixels, gridSize.width > 0, gridSize.height > 0,
              w.width >= gridSize.width, w.height >= gridSize.height else { return nil }
        return Size(width: w.width / gridSize.width, height: w.height / gridSize.height)
    }
}
