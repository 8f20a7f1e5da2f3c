/// A colour overlay on an image (a CAM heat map, markers): a grid of values in
/// 0…1 covering a rectangle of the source image, drawn through a colour map
/// with `alpha` at the top of the scale. Low values stay transparent so the
/// radiograph under a heat map remains readable.
public struct ImageOverlay: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var values: [Float]
    /// Where the grid lies on the source image, in source pixels (x, y, width, height).
    public var x: Double, y: Double, rectWidth: Double, rectHeight: Double
    public var alpha: Double

    public init(width: Int, height: Int, values: [Float], x: Double, y: Double, rectWidth: Double, rectHeight: Double,
                alpha: Double = 0.55) {
        precondition(values.count == width * height, "ImageOverlay: values do not fill the grid")
        self.width = width; self.height = height; self.values = values
        self.x = x; self.y = y; self.rectWidth = rectWidth; self.rectHeight = rectHeight; self.alpha = alpha
    }

    /// Bilinear value at a source-image point; nil outside the grid.
    public func value(atSourceX sx: Double, y sy: Double) -> Double? {
        guard rectWidth > 0, rectHeight > 0 else { return nil }
        let u = (sx - x) / rectWidth * Double(width) - 0.5, v = (sy - y) / rectHeight * Double(height) - 0.5
        guard u >= -0.5, v >= -0.5, u <= Double(width) - 0.5, v <= Double(height) - 0.5 else { return nil }
        let u0 = max(0, min(width - 1, Int(u.rounded(.down)))), v0 = max(0, min(height - 1, Int(v.rounded(.down))))
        let u1 = min(width - 1, u0 + 1), v1 = min(height - 1, v0 + 1)
        let fu = max(0, min(1, u - Double(u0))), fv = max(0, min(1, v - Double(v0)))
        func at(_ a: Int, _ b: Int) -> Double { Double(values[b * width + a]) }
        return (at(u0, v0) * (1 - fu) + at(u1, v0) * fu) * (1 - fv) + (at(u0, v1) * (1 - fu) + at(u1, v1) * fu) * fv
    }

    /// The heat colour map: transparent below 0.25, then dark red → red → yellow.
    /// Returns the colour and its opacity (0…alpha).
    public func colour(for value: Double) -> (r: Double, g: Double, b: Double, opacity: Double) {
        let v = max(0, min(1, value))
        let t = max(0, (v - 0.25) / 0.75)
        let r = min(1, 0.5 + t), g = max(0, min(1, 2 * t - 0.6)), b = 0.0
        return (r * 255, g * 255, b, alpha * t)
    }

    /// Blends the overlay over grey pixels: `sourcePoint` maps an output pixel to source coordinates.
    public func composite(_ grey: GreyImage, sourcePoint: (Int, Int) -> (Double, Double)) -> [UInt8] {
        var rgb = [UInt8](repeating: 0, count: grey.width * grey.height * 3)
        for oy in 0..<grey.height {
            for ox in 0..<grey.width {
                let g = Double(grey[ox, oy])
                var r = g, gg = g, b = g
                let (sx, sy) = sourcePoint(ox, oy)
                if let v = value(atSourceX: sx, y: sy) {
                    let c = colour(for: v)
                    r = g * (1 - c.opacity) + c.r * c.opacity
                    gg = g * (1 - c.opacity) + c.g * c.opacity
                    b = g * (1 - c.opacity) + c.b * c.opacity
                }
                let i = (oy * grey.width + ox) * 3
                rgb[i] = UInt8(max(0, min(255, r.rounded())))
                rgb[i + 1] = UInt8(max(0, min(255, gg.rounded())))
                rgb[i + 2] = UInt8(max(0, min(255, b.rounded())))
            }
        }
        return rgb
    }
}
