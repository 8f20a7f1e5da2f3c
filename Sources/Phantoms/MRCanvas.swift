/// A painter's canvas for synthesising MR signal: shapes are signed-distance fields in world
/// millimetres, composited with anti-aliased coverage (about one pixel wide), later shapes
/// over earlier ones, as tissue compartments that do not overlap.
struct MRCanvas {
    var image: FloatImage
    /// World (mm) → pixel.
    var worldToPixel: Affine2
    var pixelSpacing: Double

    init(size: Int, worldToPixel: Affine2, pixelSpacing: Double, background: Float) {
        image = FloatImage(width: size, height: size, fill: background)
        self.worldToPixel = worldToPixel
        self.pixelSpacing = pixelSpacing
    }

    /// Paints `value(p)` where `sdf(p) < 0` (p in world mm), within the world box.
    mutating func paint(box: (Vec2, Vec2), sdf: (Vec2) -> Double, value: (Vec2) -> Double, opacity: Double = 1) {
        let (lo, hi) = box
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for c in [lo, hi, Vec2(lo.x, hi.y), Vec2(hi.x, lo.y)] {
            let p = worldToPixel.apply(c)
            minX = min(minX, p.x); minY = min(minY, p.y); maxX = max(maxX, p.x); maxY = max(maxY, p.y)
        }
        let x0 = max(0, Int(minX) - 2), y0 = max(0, Int(minY) - 2)
        let x1 = min(image.width - 1, Int(maxX) + 2), y1 = min(image.height - 1, Int(maxY) + 2)
        guard x0 <= x1, y0 <= y1 else { return }
        let toWorld = worldToPixel.inverse
        let edge = 0.5 * pixelSpacing
        for y in y0...y1 {
            for x in x0...x1 {
                let p = toWorld.apply(Vec2(Double(x) + 0.5, Double(y) + 0.5))
                let d = sdf(p)
                if d >= edge { continue }
                let alpha = opacity * (d <= -edge ? 1 : Math.smoothstep(edge, -edge, d))
                let i = y * image.width + x
                image.pixels[i] = Float(Double(image.pixels[i]) * (1 - alpha) + value(p) * alpha)
            }
        }
    }

    // Signed-distance helpers (negative inside).

    /// Rounded rectangle centred at `c`, half-sizes `h`, rotated by `angle`, corner radius `r`.
    static func roundedBox(_ p: Vec2, centre c: Vec2, half h: Vec2, angle: Double, radius r: Double) -> Double {
        let q = Affine2.rotation(-angle).apply(p - c)
        let dx = abs(q.x) - h.x + r, dy = abs(q.y) - h.y + r
        let outside = Vec2(max(dx, 0), max(dy, 0)).length
        return outside + min(max(dx, dy), 0) - r
    }

    /// A vertebral body: rounded box whose anterior and posterior walls are concave (waisted)
    /// by `waist` × half-depth at mid-height.
    static func vertebralBody(_ p: Vec2, centre c: Vec2, half h: Vec2, angle: Double, radius r: Double, waist: Double) -> Double {
        let q = Affine2.rotation(-angle).apply(p - c)
        let t = Math.clamp(q.y / h.y, -1, 1)
        let hx = h.x * (1 - waist * (1 - t * t))
        let dx = abs(q.x) - hx + r, dy = abs(q.y) - h.y + r
        let outside = Vec2(max(dx, 0), max(dy, 0)).length
        return outside + min(max(dx, dy), 0) - r
    }

    /// Ellipse (approximate distance, exact sign).
    static func ellipse(_ p: Vec2, centre c: Vec2, a: Double, b: Double, angle: Double) -> Double {
        let q = Affine2.rotation(-angle).apply(p - c)
        let k = ((q.x / a) * (q.x / a) + (q.y / b) * (q.y / b)).squareRoot()
        return (k - 1) * min(a, b)
    }

    static func capsule(_ p: Vec2, _ a: Vec2, _ b: Vec2, radius r: Double) -> Double {
        let ab = b - a
        let t = Math.clamp((p - a).dot(ab) / max(ab.dot(ab), 1e-9), 0, 1)
        return (p - (a + ab * t)).length - r
    }

    static func box(around points: [Vec2], margin: Double) -> (Vec2, Vec2) {
        let xs = points.map(\.x), ys = points.map(\.y)
        return (Vec2(xs.min()! - margin, ys.min()! - margin), Vec2(xs.max()! + margin, ys.max()! + margin))
    }
}
