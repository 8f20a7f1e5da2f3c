/// Adult layouts of the body parts the extremity phantom images (MURA's upper-limb parts),
/// and the soft-tissue envelope around them. Millimetres; see `LimbBone` for the axes.
enum ExtremityAnatomy {
    enum Part: String, CaseIterable, Sendable {
        case wrist = "WRIST", forearm = "FOREARM", finger = "FINGER", elbow = "ELBOW"

        /// Views and their rotation about the limb axis (radians).
        var views: [(label: String, phi: Double)] {
            switch self {
            case .wrist: return [("PA", 0), ("LAT", .pi / 2), ("OBL", .pi / 4)]
            case .forearm: return [("AP", 0), ("LAT", .pi / 2)]
            case .finger: return [("PA", 0), ("LAT", .pi / 2), ("OBL", .pi / 4)]
            case .elbow: return [("AP", 0), ("LAT", .pi / 2)]
            }
        }

        /// Field of view (mm, height) and the limb point at the image centre.
        var field: (height: Double, centre: Vec2) {
            switch self {
            case .wrist: return (150, Vec2(0, -5))
            case .forearm: return (330, Vec2(0, 115))
            case .finger: return (105, Vec2(0, -115))
            case .elbow: return (170, Vec2(0, 5))
            }
        }
    }

    static func bones(_ part: Part, scale s: Double, finger: Int) -> [LimbBone] {
        func tube(_ name: String, _ p: Vec3, _ d: Vec3, _ hw: Double, _ hd: Double, _ pf: Double, _ df: Double,
                  _ pc: Double = 0.35, _ dc: Double = 0.55, fracturable: Bool = true) -> LimbBone {
            LimbBone(name: name, form: .tube(proximal: Vec3(p.x * s, p.y * s, p.z * s), distal: Vec3(d.x * s, d.y * s, d.z * s),
                                             halfWidth: hw * s, halfDepth: hd * s, proximalFlare: pf, distalFlare: df,
                                             proximalCap: pc, distalCap: dc), fracturable: fracturable)
        }
        func compact(_ name: String, _ c: Vec3, _ ax: Double, _ ay: Double, _ az: Double, _ p: Double = 2.4, _ angle: Double = 0) -> LimbBone {
            LimbBone(name: name, form: .compact(centre: Vec3(c.x * s, c.y * s, c.z * s), ax: ax * s, ay: ay * s, az: az * s,
                                                exponent: p, angle: Math.radians(angle)), fracturable: false)
        }
        // Proximal is +y: tubes run from their proximal end (larger y) to the distal end.
        var radius = tube("radius", Vec3(9, 240, 0), Vec3(9, 6, 0), 7, 6, 1.1, 2.0, 0.4, 0.2)
        radius.distalEndTilt = Math.radians(-20)
        radius.distalEndThickness = 0.55
        let ulna = tube("ulna", Vec3(-15, 250, -4), Vec3(-15.5, 5, -3), 6, 6, 1.5, 1.25, 0.5, 0.6)
        var carpus = [
            compact("capitate", Vec3(1, -23, 0), 7, 11, 8, 2.6), compact("hamate", Vec3(-10, -22, 1), 7.5, 9.5, 8, 2.5, -8),
            compact("triquetrum", Vec3(-12, -9, -2), 6, 6.5, 6), compact("lunate", Vec3(0, -6.5, 0), 8, 7, 8, 2.2),
            compact("scaphoid", Vec3(14, -9, 3), 6, 12, 6, 2.2, -55), compact("trapezium", Vec3(22, -22, 6), 7.5, 8, 7, 2.5, 20),
            compact("trapezoid", Vec3(12, -25, 2), 5.5, 7, 6, 2.6, 10), compact("pisiform", Vec3(-14, -12, 9), 4.5, 5, 5, 2.0),
        ]
        func ray(_ r: Int, upTo: Int) -> [LimbBone] {
            let g = HandAnatomy.rays[r]!
            let z = [1: 12.0, 2: 3, 3: 0, 4: -2, 5: -4][r]!
            var out: [LimbBone] = []
            var p = Vec3(g.base.x, g.base.y, z)
            var angle = Math.radians(g.angle)
            let names = ["metacarpal \(r)", "proximal phalanx \(r)", "middle phalanx \(r)", "distal phalanx \(r)"]
            for k in 0...upTo where g.lengths[k] > 0 {
                if k == 1 { angle += Math.radians(g.spread * 0.5) }
                let dir = Vec3(Math.sin(angle), -Math.cos(angle), r == 1 ? 0.35 : 0)
                let len = g.lengths[k]
                let d = Vec3(p.x + dir.x * len, p.y + dir.y * len, p.z + dir.z * len)
                out.append(tube(names[k], p, d, g.halfWidths[k], g.halfWidths[k] * 0.85, k == 0 ? 1.3 : 1.5, k == 3 ? 1.3 : 1.35,
                                0.3, k == 3 ? 0.7 : 0.5))
                p = Vec3(d.x + dir.x * 2, d.y + dir.y * 2, d.z)
            }
            return out
        }
        switch part {
        case .wrist:
            return [radius, ulna] + carpus + (1...5).flatMap { ray($0, upTo: 1) }
        case .finger:
            // Finger films usually include the neighbouring fingers at the edge of the field.
            var neighbours: [LimbBone] = []
            for r in [finger - 1, finger + 1] where (2...5).contains(r) {
                neighbours += ray(r, upTo: 3).map { var b = $0; b.fracturable = false; return b }
            }
            return ray(finger, upTo: 3) + neighbours
        case .forearm:
            carpus.removeAll { ["trapezium", "trapezoid", "hamate", "capitate"].contains($0.name) }
            var r = tube("radius", Vec3(7, 248, 2), Vec3(9, 6, 0), 6.5, 5.5, 1.6, 2.0, 0.5, 0.2)
            r.distalEndTilt = Math.radians(-20)
            r.distalEndThickness = 0.55
            let u = tube("ulna", Vec3(-12, 262, -8), Vec3(-15.5, 5, -3), 7, 7.5, 1.8, 1.25, 0.6, 0.6)
            let humerus = tube("humerus", Vec3(-2, 330, -10), Vec3(-2, 262, -10), 22, 10, 1.0, 1.3, 0.4, 0.5, fracturable: false)
            return [r, u, humerus] + carpus
        case .elbow:
            let humerus = tube("humerus", Vec3(0, -160, 0), Vec3(0, -18, 0), 10, 9, 1.0, 2.3, 0.2, 0.45)
            let capitellum = compact("capitellum", Vec3(10, -8, 3), 9.5, 8.5, 10, 2.2)
            let trochlea = compact("trochlea", Vec3(-8, -6, -2), 11, 9.5, 12, 2.2)
            let lateralEpicondyle = compact("lateral epicondyle", Vec3(16, -21, 0), 8, 10, 8, 2.4, -25)
            let medialEpicondyle = compact("medial epicondyle", Vec3(-19, -22, -2), 10, 9, 9, 2.4, 20)
            var fossa = compact("olecranon fossa", Vec3(-1, -27, -3), 8, 9, 8, 2.0)
            fossa.density = -0.6
            let r = tube("radius", Vec3(11, 8, 3), Vec3(13, 170, 5), 5.5, 5.5, 2.0, 1.3, 0.3, 0.4)
            let u = tube("ulna", Vec3(-8, -12, -14), Vec3(-12, 170, -6), 7.5, 10, 1.5, 0.9, 0.5, 0.4)
            return [humerus, capitellum, trochlea, lateralEpicondyle, medialEpicondyle, fossa, r, u]
        }
    }

    /// The soft-tissue envelope as capsules along the limb, seen at view angle φ.
    static func soft(_ part: Part, scale s: Double, phi: Double, finger: Int) -> [SoftShape] {
        func cap(_ a: Vec3, _ b: Vec3, _ rw: Double, _ rd: Double, _ rb: Double? = nil) -> SoftShape {
            let r = ((rw * Math.cos(phi)) * (rw * Math.cos(phi)) + (rd * Math.sin(phi)) * (rd * Math.sin(phi))).squareRoot()
            let depth = ((rd * Math.cos(phi)) * (rd * Math.cos(phi)) + (rw * Math.sin(phi)) * (rw * Math.sin(phi))).squareRoot() / r
            return .capsule(a: Vec3(a.x * s, a.y * s, a.z * s).project(phi), b: Vec3(b.x * s, b.y * s, b.z * s).project(phi),
                            ra: r * s, rb: (rb ?? 1) * r * s, depthRatio: min(depth, 1.3))
        }
        switch part {
        case .wrist:
            var out = [cap(Vec3(-3, 260, -2), Vec3(-3, -25, 0), 32, 22, 0.9), cap(Vec3(-2, -30, 0), Vec3(-2, -95, 0), 40, 15)]
            for r in 2...5 {
                let g = HandAnatomy.rays[r]!
                let a = Math.radians(g.angle)
                let head = Vec3(g.base.x + Math.sin(a) * g.lengths[0], g.base.y - Math.cos(a) * g.lengths[0], 0)
                out.append(cap(head, Vec3(head.x + Math.sin(a) * 60, head.y - 60, 0), 9, 8))
            }
            out.append(cap(Vec3(20, -20, 8), Vec3(50, -70, 14), 14, 14, 0.8))
            return out
        case .finger:
            var out: [SoftShape] = []
            for r in [finger - 1, finger, finger + 1] where (2...5).contains(r) {
                let g = HandAnatomy.rays[r]!
                let a = Math.radians(g.angle)
                let head = Vec3(g.base.x + Math.sin(a) * g.lengths[0], g.base.y - Math.cos(a) * g.lengths[0], 0)
                let total = g.lengths[1...].reduce(0, +) + 10
                let b2 = Math.radians(g.angle + g.spread * 0.5)
                out.append(cap(head, Vec3(head.x + Math.sin(b2) * total, head.y - Math.cos(b2) * total, 0), g.halfWidths[1] * 2.2, g.halfWidths[1] * 2, 0.8))
                out.append(cap(Vec3(g.base.x, g.base.y, 0), head, 14, 13))
            }
            return out
        case .forearm:
            return [cap(Vec3(-3, 360, -6), Vec3(-3, -10, 0), 40, 34, 0.75), cap(Vec3(-2, -10, 0), Vec3(-2, -60, 0), 30, 16)]
        case .elbow:
            return [cap(Vec3(0, -220, -4), Vec3(0, 0, -4), 42, 42, 1.0), cap(Vec3(0, 0, -4), Vec3(0, 230, 0), 42, 40, 0.8)]
        }
    }
}
