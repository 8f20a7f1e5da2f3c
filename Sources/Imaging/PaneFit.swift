/// Where an image goes in a terminal pane: the largest cell rectangle that keeps the
/// image's physical aspect ratio (pixel spacing, default square) on cells of the given
/// size, centred, and the pixel size to resample to for the drawing mode
/// (half-blocks: 1 × 2 pixels a cell; sixel/kitty: the cell's size in screen pixels).
public struct PaneFit: Sendable, Equatable {
    public var columns: Int
    public var rows: Int
    /// Offset of the rectangle inside the pane, in cells.
    public var column: Int
    public var row: Int
    /// Resample target in image pixels.
    public var pixelWidth: Int
    public var pixelHeight: Int

    /// - Parameters:
    ///   - cellWidth, cellHeight: a cell's size on screen (pixels, or any unit with the right ratio; 1 × 2 when unknown).
    ///   - pixelsPerCell: image pixels drawn per cell horizontally and vertically.
    public static func fit(imageColumns: Int, imageRows: Int, spacing: PixelSpacing?, paneColumns: Int, paneRows: Int,
                           cellWidth: Double = 1, cellHeight: Double = 2, pixelsPerCell: (x: Int, y: Int) = (1, 2)) -> PaneFit {
        guard imageColumns > 0, imageRows > 0, paneColumns > 0, paneRows > 0, cellWidth > 0, cellHeight > 0 else {
            return PaneFit(columns: 0, rows: 0, column: 0, row: 0, pixelWidth: 0, pixelHeight: 0)
        }
        let rowSpacing = spacing.map { $0.row > 0 ? $0.row : 1 } ?? 1
        let columnSpacing = spacing.map { $0.column > 0 ? $0.column : 1 } ?? 1
        let physicalWidth = Double(imageColumns) * columnSpacing, physicalHeight = Double(imageRows) * rowSpacing
        // Screen units available, then the scale that fits both directions.
        let paneWidth = Double(paneColumns) * cellWidth, paneHeight = Double(paneRows) * cellHeight
        let scale = min(paneWidth / physicalWidth, paneHeight / physicalHeight)
        let columns = max(1, min(paneColumns, Int((physicalWidth * scale / cellWidth).rounded())))
        let rows = max(1, min(paneRows, Int((physicalHeight * scale / cellHeight).rounded())))
        return PaneFit(columns: columns, rows: rows, column: (paneColumns - columns) / 2, row: (paneRows - rows) / 2,
                       pixelWidth: columns * max(1, pixelsPerCell.x), pixelHeight: rows * max(1, pixelsPerCell.y))
    }
}
