/// Paints relative T2 signal (CSF = 1) of one sagittal slice of a `SpineLayout`.
/// The canal and the tissues behind it are laid out in (s, n) coordinates along the
/// posterior margin of the vertebral bodies; bodies and discs are painted as shapes on top.
struct SpineAnatomyPainter: Sendable {
    var layout: SpineLayout
    var grades: SpineGrades
    var discHeights: [Double]
    var ageYears: Double
    var subcutaneousFat: Double
    var muscleDepth: Double
    var marrowSignal: Double
    /// Anterior epidural space (mm) between the vertebral margin and the thecal sac.
    let epidural = 1.2

    /// The posterior line, extended straight beyond both ends so that (s, n) stays a
    /// sensible frame above T10 and below the sacrum.
    private var frame: PolylineFrame {
        var pts = layout.posteriorLine
        let head = (pts[0] - pts[1]).normalized, tail = (pts[pts.count - 1] - pts[pts.count - 2]).normalized
        pts.insert(pts[0] + head * 250, at: 0)
        pts.append(pts[pts.count - 1] + tail * 250)
        return PolylineFrame(pts)
    }

    /// Arc position of each lumbar disc (L1-L2 … L5-S1) along the posterior line.
    private var discArcs: [Double] {
        let f = frame
        return SpineGrades.levels.map { name in f.locate(layout.discs.first { $0.name == name }!.posteriorPoint).s }
    }

    /// Share of the narrowing taken by the disc (anteriorly); the rest is ligamentum flavum.
    private static let discShare = 0.6

    func reduction(level k: Int, offset: Double = 0) -> Double {
        max(0, sacDiameter(offset: offset) - grades.levels[k].targetDiameter * lateralFactor(offset))
    }

    func bulge(level k: Int) -> Double { 0.4 + Self.discShare * reduction(level: k) }

    func lateralFactor(_ offset: Double) -> Double { max(0.15, (1 - (offset / 10) * (offset / 10))).squareRoot() }
    func sacDiameter(offset: Double) -> Double { grades.sacDiameter * lateralFactor(offset) }

    /// Anterior and posterior walls of the thecal sac at arc position s (n from the posterior line).
    func walls(_ s: Double, offset: Double, arcs: [Double]) -> (a: Double, b: Double) {
        var a = epidural, b = epidural + sacDiameter(offset: offset)
        for k in 0..<5 {
            let d = s - arcs[k]
            let sigma = max(discHeights[k] * 0.55, 3)
            let g = Math.exp(-d * d / (2 * sigma * sigma))
            let r = reduction(level: k, offset: offset)
            a += (0.4 + Self.discShare * r) * g
            let df = s - arcs[k] + 1.5
            let gf = Math.exp(-df * df / (2 * 4.5 * 4.5))
            b -= (1 - Self.discShare) * r * gf
        }
        return (a, max(b, a + 0.3))
    }

    /// Narrowest AP sac diameter (mm) near level k on the mid-sagittal slice.
    func narrowestDiameter(level k: Int) -> Double {
        let arcs = discArcs
        var best = Double.infinity
        var s = arcs[k] - 8
        while s <= arcs[k] + 8 {
            let w = walls(s, offset: 0, arcs: arcs)
            best = min(best, w.b - w.a)
            s += 0.25
        }
        return best
    }

    func paint(size: Int, worldToPixel: Affine2, spacing: Double, offset: Double, rng: inout PhantomRandom) -> FloatImage {
        var canvas = MRCanvas(size: size, worldToPixel: worldToPixel, pixelSpacing: spacing, background: 0)
        let f = frame
        let arcs = discArcs
        let toWorld = worldToPixel.inverse
        let coarse = FloatImage.bandLimitedNoise(width: size, height: size, featurePx: 9 / spacing, rng: &rng)
        let fine = FloatImage.bandLimitedNoise(width: size, height: size, featurePx: 2.2 / spacing, rng: &rng)
        let midline = Math.smoothstep(6, 2.5, abs(offset))
        let vertebralArcs = layout.vertebrae.map { (f.locate($0.posteriorUpper).s, f.locate($0.posteriorLower).s, $0) }
        let sacEnd = vertebralArcs.first { $0.2.name == "S2" }!.0
        let conus = vertebralArcs.first { $0.2.name == "L1" }!.1 - 4
        let l4 = vertebralArcs.first { $0.2.name == "L4" }!.0
        let bodyDepth = layout.vertebrae.map(\.depth).reduce(0, +) / Double(layout.vertebrae.count)

        // The back (muscle, fat, skin) follows a straightened line: the lumbar posterior margin
        // with its ends continued vertically, so the skin does not wrap round the sacrum.
        let lumbar = layout.vertebrae.filter { !$0.isSacral }
        let backTop = lumbar.first!.posteriorUpper, backBottom = lumbar.last!.posteriorLower
        let backPoints = lumbar.flatMap { [$0.posteriorUpper, $0.posteriorLower] }
        func backX(_ y: Double) -> Double {
            if y <= backTop.y { return backTop.x }
            // Below L5 the back slopes out gently over the sacrum and buttocks.
            if y >= backBottom.y { return backBottom.x + (y - backBottom.y) * 0.3 }
            for i in 0..<(backPoints.count - 1) where backPoints[i + 1].y >= y {
                let a = backPoints[i], b = backPoints[i + 1]
                let t = (y - a.y) / max(b.y - a.y, 1e-6)
                return a.x + (b.x - a.x) * Math.clamp(t, 0, 1)
            }
            return backBottom.x
        }

        // Base layer in (s, n): abdomen, canal, posterior elements, muscle, fat, air.
        for y in 0..<size {
            for x in 0..<size {
                let i = y * size + x
                let p = toWorld.apply(Vec2(Double(x) + 0.5, Double(y) + 0.5))
                let (s, n) = f.locate(p)
                let tex = Double(coarse.pixels[i]), grain = Double(fine.pixels[i])
                var w = walls(s, offset: offset, arcs: arcs)
                let taper = Math.smoothstep(sacEnd + 4, sacEnd - 18, s)
                w.b = w.a + (w.b - w.a) * taper
                let posteriorWall = epidural + sacDiameter(offset: offset)
                var v: Double
                let skin = p.x - backX(p.y) - posteriorWall - muscleDepth - subcutaneousFat
                if skin > 2 {
                    v = 0
                } else if skin > 0 {
                    v = 0.3
                } else if n < 0 {
                    // Retroperitoneum and abdomen: fat, bowel, vessels.
                    // Bowel and mesentery: mid-grey with bright fluid-filled loops.
                    v = 0.34 + 0.07 * tex + 0.04 * grain + 0.25 * Math.smoothstep(0.8, 1.6, tex)
                    // Aorta/IVC flow void in front of the upper lumbar bodies, fading off the midline.
                    let vesselNear = -(bodyDepth + 4), vesselFar = -(bodyDepth + 18)
                    if offset < -1 && n < vesselNear && n > vesselFar && s > conus - 40 && s < l4 + 5 {
                        let edge = Math.smoothstep(0, 2, min(vesselNear - n, n - vesselFar)) * Math.smoothstep(l4 + 5, l4 - 10, s)
                        v = Math.lerp(v, 0.08, 0.7 * edge)
                    }
                } else if s > sacEnd + 6 {
                    // Below the thecal sac: the sacral canal is fat-filled, then the buttock tissues.
                    let back = p.x - backX(p.y) - posteriorWall
                    v = back < muscleDepth ? 0.24 + 0.05 * tex + 0.04 * grain : (back < muscleDepth + subcutaneousFat ? 0.8 + 0.05 * tex : (back < muscleDepth + subcutaneousFat + 2 ? 0.3 : 0))
                } else if n < w.a {
                    v = n < 0.8 ? 0.08 : 0.4 + 0.05 * grain   // posterior longitudinal ligament, epidural veins
                } else if n <= w.b {
                    let width = w.b - w.a
                    var csf = 0.25 + 0.75 * Math.smoothstep(1.0, 5.0, width)
                    let rel = (n - w.a) / max(width, 0.1)
                    if s < conus {
                        let half = 4.0 * Math.smoothstep(conus, conus - 15, s) * lateralFactor(offset * 1.5)
                        if abs(n - (w.a + w.b) / 2) < half { csf = 0.3 + 0.03 * grain }
                    } else if abs(offset) < 6 {
                        // Cauda equina roots lie dependent (posteriorly) in the supine patient.
                        for root in [0.55, 0.66, 0.76, 0.86] where abs(rel - root) * width < 0.45 { csf = min(csf, 0.45) }
                    }
                    v = csf * taper + (1 - taper) * 0.35
                } else if n < posteriorWall + 1.5 {
                    v = n < w.b + 1.0 || n < posteriorWall - 0.5 ? 0.12 : 0.7   // ligamentum flavum, then epidural fat
                } else {
                    let back = p.x - backX(p.y) - posteriorWall
                    if back < muscleDepth {
                        v = (0.24 + 0.05 * tex + 0.04 * grain) * (1 - 0.2 * midline)
                    } else if back < muscleDepth + subcutaneousFat {
                        v = 0.8 + 0.05 * tex
                    } else if back < muscleDepth + subcutaneousFat + 2 {
                        v = 0.3
                    } else {
                        v = 0
                    }
                }
                canvas.image.pixels[i] = Float(v)
            }
        }

        // Posterior elements in (s, n): laminae and spinous processes (midline), pedicles (lateral).
        for (top, bottom, vert) in vertebralArcs where !vert.isSacral || vert.name == "S1" {
            let height = bottom - top
            let sMid = (top + bottom) / 2 + height * 0.2
            let wall = epidural + sacDiameter(offset: offset)
            let pieces: [(s: Double, n: Double, hs: Double, hn: Double, opacity: Double, taper: Double, slope: Double)] = [
                (sMid, wall + 5, height * 0.36, 4.5, 1, 0, 0),                                              // lamina
                (sMid + 4, wall + 5 + 16, height * 0.34, 16 * (vert.isSacral ? 0.5 : 1), midline, 0.12, 0.15), // spinous process
                ((top + bottom) / 2, wall / 2, height * 0.3, wall / 2 + 1, Math.smoothstep(5, 8, abs(offset)), 0, 0), // pedicle
            ]
            for piece in pieces where piece.opacity > 0.01 {
                paintInArc(&canvas, f: f, centre: (piece.s, piece.n), half: (piece.hs, piece.hn), opacity: piece.opacity,
                           taper: piece.taper, slope: piece.slope, coarse: coarse)
            }
        }

        // Discs (under the bodies, which overlap their edges) then vertebral bodies.
        let depthFactor = (1 - (offset / 28) * (offset / 28)).squareRoot()
        for (k, disc) in layout.discs.enumerated() {
            let level = SpineGrades.levels.firstIndex(of: disc.name)
            let posterior = Vec2(-disc.up.y, disc.up.x)
            let bulge = level.map { self.bulge(level: $0) } ?? 0.5
            let angle = Math.atan2(disc.up.x, -disc.up.y)
            let centre = disc.centre + posterior * (bulge / 2)
            let half = Vec2(disc.depth * depthFactor / 2 + bulge / 2 + 0.8, disc.height / 2 + 0.8)
            canvas.paint(box: MRCanvas.box(around: [disc.centre], margin: disc.depth),
                         sdf: { MRCanvas.roundedBox($0, centre: centre, half: half, angle: angle, radius: min(half.y, 3)) },
                         value: { _ in 0.16 })
            let grade = level.map { grades.levels[$0].pfirrmann } ?? (k < 2 ? 2 : 3)
            let signal = SpinePhantom.nucleusSignal[grade - 1]
            let a = disc.depth * depthFactor * (grade >= 3 ? 0.28 : 0.33), b = max(disc.height * 0.4, 0.6)
            let nucleusCentre = disc.centre + posterior * (disc.depth * 0.06)
            let blurEdge = grade >= 3 ? 1.8 : 0.6
            let sacral = disc.name.hasPrefix("S")
            if !sacral {
                canvas.paint(box: MRCanvas.box(around: [disc.centre], margin: disc.depth),
                             sdf: { MRCanvas.ellipse($0, centre: nucleusCentre, a: a + blurEdge, b: b + blurEdge * 0.3, angle: angle) },
                             value: { p in
                                 let q = Affine2.rotation(-angle).apply(p - nucleusCentre)
                                 let r = ((q.x / a) * (q.x / a) + (q.y / b) * (q.y / b)).squareRoot()
                                 var s = Math.lerp(signal, 0.16, Math.smoothstep(1 - blurEdge / a, 1 + blurEdge / a, r))
                                 // Grade II: horizontal grey band (intranuclear cleft); III+: inhomogeneous.
                                 if grade == 2 && abs(q.y) < 0.55 { s *= 0.6 }
                                 if grade >= 3 { s *= 1 + 0.25 * Double(coarse.bilinear(worldToPixel.apply(p).x, worldToPixel.apply(p).y)) }
                                 return s
                             })
            }
        }
        for vert in layout.vertebrae {
            let angle = vert.angle
            let half = Vec2(vert.depth * depthFactor / 2, vert.height / 2)
            let centre = vert.centre
            let marrow = marrowSignal * (vert.isSacral ? 0.95 : 1)
            let waist = vert.isSacral ? 0.02 : 0.06
            canvas.paint(box: MRCanvas.box(around: [centre], margin: vert.depth),
                         sdf: { MRCanvas.vertebralBody($0, centre: centre, half: half, angle: angle, radius: 2.5, waist: waist) },
                         value: { _ in 0.07 })
            let inner = Vec2(half.x - 1.3, half.y - 1.1)
            // Marrow with coarse heterogeneity; the basivertebral vein enters the back of the body.
            let vein = centre + vert.posterior * (half.x - 3)
            canvas.paint(box: MRCanvas.box(around: [centre], margin: vert.depth),
                         sdf: { MRCanvas.vertebralBody($0, centre: centre, half: inner, angle: angle, radius: 2, waist: waist) },
                         value: { p in
                             let px = worldToPixel.apply(p)
                             var v = marrow * (1 + 0.12 * Double(coarse.bilinear(px.x, px.y)) + 0.07 * Double(fine.bilinear(px.x, px.y)))
                             let d = (p - vein).length
                             if d < 3.5 { v = Math.lerp(v, 0.85, Math.smoothstep(3.5, 1.5, d) * midline) }
                             return v
                         })
        }
        return canvas.image
    }

    /// A cortical-rimmed marrow box in (s, n) coordinates, optionally narrowing (`taper`) and
    /// sloping caudally (`slope`, mm of s per mm of n) towards its posterior tip, like a spinous process.
    private func paintInArc(_ canvas: inout MRCanvas, f: PolylineFrame, centre: (Double, Double), half: (Double, Double),
                            opacity: Double, taper: Double, slope: Double, coarse: FloatImage) {
        // Bounding box: the frame is near-orthonormal, so map the (s, n) box corners.
        func world(_ s: Double, _ n: Double) -> Vec2 {
            let sClamped = Math.clamp(s, 0, f.cumulative.last!)
            var i = 0
            while i < f.cumulative.count - 2 && f.cumulative[i + 1] < sClamped { i += 1 }
            let a = f.points[i], b = f.points[i + 1]
            let len = max((b - a).length, 1e-9)
            let t = (sClamped - f.cumulative[i]) / len
            let normal = Vec2((b - a).y, -(b - a).x) * (1 / len)
            return a + (b - a) * t + normal * n
        }
        let reach = half.0 + abs(slope) * half.1
        let corners = [world(centre.0 - reach, centre.1 - half.1), world(centre.0 + reach, centre.1 - half.1),
                       world(centre.0 - reach, centre.1 + half.1), world(centre.0 + reach, centre.1 + half.1)]
        let box = MRCanvas.box(around: corners, margin: 3)
        let sdfOuter: (Vec2) -> Double = { p in
            let (s, n) = f.locate(p)
            let along = n - centre.1
            let t = Math.clamp((along / half.1 + 1) / 2, 0, 1)
            let q = Vec2(s - centre.0 - slope * along, along)
            return MRCanvas.roundedBox(q, centre: Vec2(0, 0), half: Vec2(half.0 * (1 - taper * t), half.1), angle: 0, radius: 2)
        }
        canvas.paint(box: box, sdf: sdfOuter, value: { _ in 0.08 }, opacity: opacity)
        let toPixel = canvas.worldToPixel
        canvas.paint(box: box, sdf: { sdfOuter($0) + 1.2 }, value: { p in
            let px = toPixel.apply(p)
            return self.marrowSignal * (1 + 0.1 * Double(coarse.bilinear(px.x, px.y)))
        }, opacity: opacity)
    }
}
