/// Sagittal geometry of T10–S3 in world millimetres: x posterior (image right), y caudal
/// (image down). Built from the sacrum upwards so that a listhesis carries everything above it.
struct SpineLayout: Sendable {
    struct Vertebra: Sendable {
        var name: String
        var centre: Vec2
        /// Unit vector from the centre towards the upper endplate, and the anterior unit vector.
        var up: Vec2
        var anterior: Vec2 { Vec2(up.y, -up.x) }
        var posterior: Vec2 { -anterior }
        var height: Double
        var depth: Double
        var isSacral: Bool
        var angle: Double { Math.atan2(up.x, -up.y) }

        func upperEndplate(_ offset: Double = 0) -> Vec2 { centre + up * (height / 2) + posterior * offset }
        func lowerEndplate(_ offset: Double = 0) -> Vec2 { centre - up * (height / 2) + posterior * offset }
        var posteriorUpper: Vec2 { upperEndplate(depth / 2) }
        var posteriorLower: Vec2 { lowerEndplate(depth / 2) }
    }

    struct Disc: Sendable {
        var name: String
        var centre: Vec2
        var up: Vec2
        var height: Double
        var depth: Double
        var posteriorPoint: Vec2
    }

    var vertebrae: [Vertebra]
    /// Discs between consecutive vertebrae, top to bottom (T10-T11 … L5-S1).
    var discs: [Disc]

    static let names = ["T10", "T11", "T12", "L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3"]

    /// - Parameters: discHeights for T12-L1 … L5-S1 are replaced by `lumbarDiscHeights` (L1-L2 … L5-S1).
    static func build(scale: Double, lordosis: Double, lumbarDiscHeights: [Double], slips: [Double]) -> SpineLayout {
        // Bottom-up: S3 … T10. Heights, depths (mm) and axis tilt (deg, + leaning anterior at the top).
        let height: [String: Double] = ["S3": 16, "S2": 20, "S1": 26, "L5": 27, "L4": 27, "L3": 27, "L2": 26, "L1": 25, "T12": 23, "T11": 22, "T10": 21]
        let depth: [String: Double] = ["S3": 22, "S2": 28, "S1": 35, "L5": 36, "L4": 36, "L3": 35, "L2": 33, "L1": 32, "T12": 30, "T11": 29, "T10": 28]
        let tilt: [String: Double] = ["S3": 70, "S2": 58, "S1": 42, "L5": 22, "L4": 8, "L3": -2, "L2": -8, "L1": -12, "T12": -14, "T11": -14, "T10": -13]
        // Disc heights above each vertebra (the disc between it and the next one up).
        var discAbove: [String: Double] = ["S3": 1.2, "S2": 1.5, "S1": lumbarDiscHeights[4], "L5": lumbarDiscHeights[3],
                                           "L4": lumbarDiscHeights[2], "L3": lumbarDiscHeights[1], "L2": lumbarDiscHeights[0],
                                           "L1": 7, "T12": 6, "T11": 5.5, "T10": 0]
        discAbove["L1"] = 7 * scale
        let slipAbove: [String: Double] = ["S1": slips[4], "L5": slips[3], "L4": slips[2], "L3": slips[1], "L2": slips[0]]

        var verts: [Vertebra] = []
        let order = Array(names.reversed())
        for (k, name) in order.enumerated() {
            let theta = Math.radians((name.hasPrefix("S") ? 1 : lordosis) * tilt[name]!)
            let up = Vec2(-Math.sin(theta), -Math.cos(theta))
            let h = height[name]! * scale, d = depth[name]! * scale
            if k == 0 {
                verts.append(Vertebra(name: name, centre: Vec2(0, 0), up: up, height: h, depth: d, isSacral: true))
                continue
            }
            let lower = verts[k - 1]
            let gap = (discAbove[lower.name] ?? 1) * (lower.isSacral && lower.name != "S1" ? scale : 1)
            let discUp = (lower.up + up).normalized
            var centre = lower.centre + lower.up * (lower.height / 2) + discUp * gap + up * (h / 2)
            // Listhesis: the upper vertebra slides over the lower one's endplate.
            if let slip = slipAbove[lower.name] { centre = centre + lower.anterior * (slip / 100 * lower.depth) }
            verts.append(Vertebra(name: name, centre: centre, up: up, height: h, depth: d, isSacral: name.hasPrefix("S")))
        }
        verts.reverse()
        var discs: [Disc] = []
        for k in 0..<(verts.count - 1) {
            let upper = verts[k], lower = verts[k + 1]
            let a = upper.lowerEndplate(), b = lower.upperEndplate()
            let up = (upper.up + lower.up).normalized
            discs.append(Disc(name: "\(upper.name)-\(lower.name)", centre: (a + b) * 0.5, up: up,
                              height: (a - b).length, depth: (upper.depth + lower.depth) / 2,
                              posteriorPoint: (upper.posteriorLower + lower.posteriorUpper) * 0.5))
        }
        return SpineLayout(vertebrae: verts, discs: discs)
    }

    /// The posterior margin of the bodies and discs, top to bottom: the canal's anterior wall.
    var posteriorLine: [Vec2] {
        var pts: [Vec2] = []
        for v in vertebrae {
            pts.append(v.posteriorUpper)
            pts.append(v.posteriorLower)
        }
        return pts
    }
}

/// Distance along and across a polyline (arc length, signed normal offset; + to the right
/// of travel, which for a top-to-bottom posterior line is posterior).
struct PolylineFrame: Sendable {
    var points: [Vec2]
    var cumulative: [Double]

    init(_ points: [Vec2]) {
        self.points = points
        var c = [0.0]
        for i in 1..<points.count { c.append(c[i - 1] + (points[i] - points[i - 1]).length) }
        cumulative = c
    }

    func locate(_ p: Vec2) -> (s: Double, n: Double) {
        var best = Double.infinity, bestS = 0.0, bestN = 0.0
        for i in 0..<(points.count - 1) {
            let a = points[i], b = points[i + 1]
            let ab = b - a
            let len = max(ab.length, 1e-9)
            let t = Math.clamp((p - a).dot(ab) / (len * len), 0, 1)
            let q = a + ab * t
            let d = (p - q).length
            if d < best {
                best = d
                bestS = cumulative[i] + t * len
                // Normal (dy, −dx): for a line running caudally (down the image) it points posteriorly (right).
                let normal = Vec2(ab.y, -ab.x) * (1 / len)
                bestN = (p - q).dot(normal) >= 0 ? d : -d
                if t > 0 && t < 1 { bestN = (p - q).dot(normal) }
            }
        }
        return (bestS, bestN)
    }

    func arcLength(nearest p: Vec2) -> Double { locate(p).s }
}
