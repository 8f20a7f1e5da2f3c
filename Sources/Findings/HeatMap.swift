/// A class activation map laid over an image: `values` row-major (`width` × `height`, the
/// network's last feature-map grid) covering `rect` of the original image, in image pixels.
/// Where the model input was padding, `rect` reaches past the image.
public struct HeatMap: Sendable, Equatable, Codable {
    public var width: Int
    public var height: Int
    /// Raw CAM values (logit contributions: the logit is their mean plus the head's bias).
    public var values: [Float]
    public var rect: ImageRect

    public init(width: Int, height: Int, values: [Float], rect: ImageRect) {
        precondition(values.count == width * height, "HeatMap: size mismatch")
        self.width = width; self.height = height; self.values = values; self.rect = rect
    }

    private enum CodingKeys: String, CodingKey { case width, height, values, rect }

    /// A stored map (a pinned AI result) is checked like a computed one.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        width = try c.decode(Int.self, forKey: .width)
        height = try c.decode(Int.self, forKey: .height)
        values = try c.decode([Float].self, forKey: .values)
        rect = try c.decode(ImageRect.self, forKey: .rect)
        guard width > 0, height > 0, values.count == width * height else {
            throw DecodingError.dataCorruptedError(forKey: .values, in: c, debugDescription: "\(values.count) values for a \(width)×\(height) map")
        }
    }

    /// The map value at an original-image point (nearest cell), nil outside the map.
    public func value(atImageX x: Double, y: Double) -> Float? {
        let u = (x - rect.x) / rect.width * Double(width), v = (y - rect.y) / rect.height * Double(height)
        guard u >= 0, v >= 0, u < Double(width), v < Double(height) else { return nil }
        return values[Int(v) * width + Int(u)]
    }

    /// Centre (image pixels) of the hottest cell.
    public var peak: (x: Double, y: Double) {
        let i = values.indices.max { values[$0] < values[$1] } ?? 0
        let cx = rect.x + (Double(i % width) + 0.5) * rect.width / Double(width)
        let cy = rect.y + (Double(i / width) + 0.5) * rect.height / Double(height)
        return (cx, cy)
    }

    /// Values scaled to [0, 1] (min → 0, max → 1) for an overlay; all zeros when flat.
    public func normalised() -> [Float] {
        guard let lo = values.min(), let hi = values.max(), hi > lo else { return values.map { _ in 0 } }
        return values.map { ($0 - lo) / (hi - lo) }
    }
}
