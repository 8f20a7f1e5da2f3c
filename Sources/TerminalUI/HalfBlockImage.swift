/// Draws a grey image with the upper half block: each cell shows two image
/// rows, the top as foreground and the bottom as background, so a cell pane of
/// W×H shows W×2H pixels. The image must already be sized to the pane.
public enum HalfBlockImage {
    public static let upperHalf: Unicode.Scalar = "\u{2580}"

    /// Pixel size an image must have to fill `rect` exactly.
    public static func pixelSize(for rect: Rect) -> Size { Size(width: rect.width, height: rect.height * 2) }

    public static func draw(_ image: GreyImage, in rect: Rect, grid: inout CellGrid) {
        let rows = min(rect.height, (image.height + 1) / 2)
        let cols = min(rect.width, image.width)
        for cy in 0..<rows {
            let top = cy * 2
            let bottom = min(top + 1, image.height - 1)
            for cx in 0..<cols {
                let style = Style(fg: .grey(image[cx, top]), bg: .grey(image[cx, bottom]))
                grid.put(Cell(upperHalf, style: style), x: rect.x + cx, y: rect.y + cy)
            }
        }
    }

    /// Draws RGB pixels (`rgb`: width × height × 3) centred in `rect`, the rest black.
    public static func drawRGB(_ rgb: [UInt8], width: Int, height: Int, in rect: Rect, grid: inout CellGrid) {
        let canvas = pixelSize(for: rect)
        let ox = (canvas.width - width) / 2, oy = (canvas.height - height) / 2
        func pixel(_ x: Int, _ y: Int) -> Color {
            let ix = x - ox, iy = y - oy
            guard ix >= 0, iy >= 0, ix < width, iy < height else { return .rgb(0, 0, 0) }
            let i = (iy * width + ix) * 3
            return .rgb(rgb[i], rgb[i + 1], rgb[i + 2])
        }
        for cy in 0..<rect.height {
            for cx in 0..<rect.width {
                grid.put(Cell(upperHalf, style: Style(fg: pixel(cx, 2 * cy), bg: pixel(cx, 2 * cy + 1))),
                         x: rect.x + cx, y: rect.y + cy)
            }
        }
    }
}
