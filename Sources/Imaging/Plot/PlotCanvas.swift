/// An RGB raster (8 bits per channel, row-major, top row first) with the few
/// drawing operations the report plots need. Pure: no I/O; `PNGCodec.encodeRGB8`
/// writes it.
public struct PlotCanvas: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// `width × height × 3` bytes.
    public private(set) var pixels: [UInt8]

    public init(width: Int, height: Int, background: PlotColor = .white) {
        precondition(width > 0 && height > 0, "a canvas needs a positive size")
        self.width = width; self.height = height
        pixels = [UInt8](repeating: 0, count: width * height * 3)
        for i in 0..<(width * height) { pixels[3 * i] = background.r; pixels[3 * i + 1] = background.g; pixels[3 * i + 2] = background.b }
    }

    public func color(x: Int, y: Int) -> PlotColor {
        let i = 3 * (y * width + x)
        return PlotColor(pixels[i], pixels[i + 1], pixels[i + 2])
    }

    /// Outside the canvas is silently clipped.
    public mutating func set(x: Int, y: Int, _ color: PlotColor) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let i = 3 * (y * width + x)
        pixels[i] = color.r; pixels[i + 1] = color.g; pixels[i + 2] = color.b
    }

    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, _ color: PlotColor) {
        for yy in max(y, 0)..<min(y + h, height) where w > 0 {
            for xx in max(x, 0)..<min(x + w, width) { set(x: xx, y: yy, color) }
        }
    }

    /// A line of `thickness` pixels (a square brush along Bresenham's line);
    /// `dash` > 0 draws dashes and gaps of that many steps.
    public mutating func line(from a: (Double, Double), to b: (Double, Double), _ color: PlotColor,
                              thickness: Int = 1, dash: Int = 0) {
        var x0 = Int(a.0.rounded()), y0 = Int(a.1.rounded())
        let x1 = Int(b.0.rounded()), y1 = Int(b.1.rounded())
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var error = dx + dy, step = 0
        let lo = -(thickness - 1) / 2, hi = thickness / 2
        while true {
            if dash <= 0 || (step / dash) % 2 == 0 {
                for oy in lo...hi { for ox in lo...hi { set(x: x0 + ox, y: y0 + oy, color) } }
            }
            if x0 == x1 && y0 == y1 { break }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x0 += sx }
            if e2 <= dx { error += dx; y0 += sy }
            step += 1
        }
    }

    /// Text in the 5×7 font, each font pixel `scale` × `scale`; (x, y) is the top left.
    public mutating func text(_ string: String, x: Int, y: Int, _ color: PlotColor, scale: Int = 2) {
        var cx = x
        for character in string {
            for (column, bits) in PlotFont.columns(character).enumerated() {
                for row in 0..<PlotFont.height where bits & (1 << row) != 0 {
                    fill(x: cx + column * scale, y: y + row * scale, width: scale, height: scale, color)
                }
            }
            cx += (PlotFont.width + 1) * scale
        }
    }

    public static func textWidth(_ string: String, scale: Int = 2) -> Int {
        string.isEmpty ? 0 : string.count * (PlotFont.width + 1) * scale - scale
    }

    /// Grey values (Rec. 601 luma), for the 8-bit grey PNG path.
    public var grey: [UInt8] {
        var out = [UInt8](repeating: 0, count: width * height)
        for i in 0..<(width * height) {
            let r = 0.299 * Double(pixels[3 * i])
            let g = 0.587 * Double(pixels[3 * i + 1])
            let b = 0.114 * Double(pixels[3 * i + 2])
            out[i] = UInt8(min((r + g + b).rounded(), 255))
        }
        return out
    }
}
