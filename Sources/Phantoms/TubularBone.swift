/// State of a growth-plate epiphysis at one bone age.
struct EpiphysisState: Sendable {
    var present: Bool
    /// Epiphysis width / metaphysis width.
    var widthRatio: Double
    /// Epiphysis thickness along the axis / metaphysis half-width.
    var thicknessRatio: Double
    /// Curling of its edges round the metaphysis (0 none, ~0.3 clearly capped).
    var bend: Double
    /// Physeal (growth-plate) gap in mm; 0 or negative once fusing.
    var gap: Double
    var fused: Bool
    /// Density of the healed physeal line (fades after fusion).
    var scar: Double

    static let absent = EpiphysisState(present: false, widthRatio: 0, thicknessRatio: 0, bend: 0, gap: 0, fused: false, scar: 0)
}

/// A tubular bone (metacarpal, phalanx, radius, ulna) as a shaft with flared metaphyses,
/// rounded ends and an optional epiphysis at its base (proximal) or head (distal) end.
struct TubularBone: Sendable {
    var name: String
    /// World position of the proximal end of the shaft and unit direction towards distal.
    var base: Vec2
    var direction: Vec2
    var length: Double
    var baseHalfWidth: Double
    var shaftHalfWidth: Double
    var headHalfWidth: Double
    /// End roundness as a fraction of the end half-width.
    var baseCap: Double = 0.35
    var headCap: Double = 0.55
    var cortexScale: Double = 1
    var bow: Double = 0
    var depthRatio: Double = 0.85
    var baseEpiphysis: EpiphysisState = .absent
    var headEpiphysis: EpiphysisState = .absent
    /// Tilt of the epiphysis plate relative to the perpendicular (radians): the radius' inclination.
    var epiphysisTilt: Double = 0

    var frame: Affine2 { Affine2.frame(origin: base, axis: direction) }

    func rod() -> Rod {
        let b = baseHalfWidth, s = shaftHalfWidth, h = headHalfWidth
        let c = cortexScale
        return Rod(length: length,
                   halfWidths: [b, b * 0.45 + s * 0.55, s * 1.03, s, s * 1.03, h * 0.45 + s * 0.55, h],
                   cortexFractions: [0.1 * c, 0.2 * c, 0.42 * c, 0.5 * c, 0.42 * c, 0.2 * c, 0.1 * c].map { min($0, 0.9) },
                   interiorDensity: [0.85, 0.7, 0.42, 0.35, 0.42, 0.7, 0.85],
                   capStart: max(b * baseCap, 0.3), capEnd: max(h * headCap, 0.3),
                   depthRatio: depthRatio, bow: bow)
    }

    /// Blob and its centre (bone frame) for an epiphysis at one end.
    func epiphysisPart(_ e: EpiphysisState, atHead: Bool) -> (BonePart, Vec2)? {
        guard e.present else { return nil }
        let metaphysis = atHead ? headHalfWidth : baseHalfWidth
        let a = max(e.widthRatio * metaphysis, 0.3)
        let halfThickness = max(e.thicknessRatio * metaphysis / 2, 0.25)
        let blob = Blob(a: a, b: halfThickness, exponent: 2.3, depth: 2 * a * depthRatio * 0.9,
                        cortex: min(0.3 * cortexScale, halfThickness * 0.35), interiorDensity: 1.1,
                        bend: atHead ? -e.bend : e.bend)
        let along = atHead ? length + e.gap + halfThickness : -e.gap - halfThickness
        let centre = Vec2(along, 0)
        // Blob x (across) ↦ bone y, blob y (along) ↦ bone x, then tilt.
        let swap = Affine2(a: 0, b: 1, c: 1, d: 0, tx: 0, ty: 0)
        let placement = Affine2.translation(centre).then(before: Affine2.rotation(epiphysisTilt)).then(before: swap)
        return (BonePart(shape: .blob(blob), placement: placement), centre)
    }

    /// The bone as placed parts, plus world centres of its epiphyses (base, head).
    func placed() -> (bone: PlacedBone, baseCentre: Vec2, headCentre: Vec2) {
        var parts = [BonePart(shape: .rod(rod()), placement: .identity)]
        let f = frame
        var baseCentre = f.apply(Vec2(-baseHalfWidth * 0.3, 0))
        var headCentre = f.apply(Vec2(length + headHalfWidth * 0.3, 0))
        for (e, atHead) in [(baseEpiphysis, false), (headEpiphysis, true)] {
            if let (part, centre) = epiphysisPart(e, atHead: atHead) {
                parts.append(part)
                if atHead { headCentre = f.apply(centre) } else { baseCentre = f.apply(centre) }
                if e.fused && e.scar > 0.02 {
                    let x = atHead ? length - 0.2 : 0.2
                    let halfWidth = (atHead ? headHalfWidth : baseHalfWidth) * 0.85
                    parts.append(BonePart(shape: .scar(ScarLine(halfLength: halfWidth, thickness: 0.35, strength: e.scar)),
                                          placement: Affine2.translation(Vec2(x, 0)), additive: true))
                }
            }
        }
        return (PlacedBone(name: name, parts: parts, placement: f), baseCentre, headCentre)
    }
}
