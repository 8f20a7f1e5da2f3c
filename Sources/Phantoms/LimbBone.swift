/// A bone of an adult limb laid out in 3-D (mm): x across the limb (radial/lateral side +),
/// y along it (proximal +), z front to back (volar/anterior +). A view at angle φ about the
/// limb axis projects x' = x cos φ + z sin φ; the bone's apparent width mixes its width and depth.
struct LimbBone: Sendable {
    enum Form: Sendable {
        /// Tubular: proximal and distal points (3-D), half-width/half-depth of the shaft,
        /// end flare factors (× shaft half-width) and end roundness.
        case tube(proximal: Vec3, distal: Vec3, halfWidth: Double, halfDepth: Double,
                  proximalFlare: Double, distalFlare: Double, proximalCap: Double, distalCap: Double)
        /// Compact: centre and semi-axes (x, y, z), squareness.
        case compact(centre: Vec3, ax: Double, ay: Double, az: Double, exponent: Double, angle: Double)
    }

    var name: String
    var form: Form
    /// Whether a fracture may be placed on this bone (shafts and metaphyses of tubular bones).
    var fracturable: Bool = true
    /// Adult (fused) articular end at the distal end: rounded head, tilted for the radius.
    var distalEndTilt: Double = 0
    var distalEndThickness: Double = 0.7
    /// Relative density; negative for a fossa (a thin place in a bone, such as the olecranon fossa).
    var density: Double = 1

    /// Tubular bone as seen at view angle φ (radians).
    func tubular(view phi: Double, cortexScale: Double) -> TubularBone? {
        guard case let .tube(p, d, hw, hd, pf, df, pc, dc) = form else { return nil }
        let a = p.project(phi), b = d.project(phi)
        let w = ((hw * Math.cos(phi)) * (hw * Math.cos(phi)) + (hd * Math.sin(phi)) * (hd * Math.sin(phi))).squareRoot()
        var bone = TubularBone(name: name, base: a, direction: (b - a).normalized, length: (b - a).length,
                               baseHalfWidth: w * pf, shaftHalfWidth: w, headHalfWidth: w * df)
        bone.baseCap = pc
        bone.headCap = dc
        bone.cortexScale = cortexScale
        bone.headEpiphysis = EpiphysisState(present: true, widthRatio: 0.98, thicknessRatio: distalEndThickness, bend: 0,
                                            gap: -0.45 * distalEndThickness * w, fused: true, scar: 0.12)
        bone.epiphysisTilt = distalEndTilt * Math.cos(phi)
        bone.depthRatio = Math.clamp(((hd * Math.cos(phi)) * (hd * Math.cos(phi)) + (hw * Math.sin(phi)) * (hw * Math.sin(phi))).squareRoot() / w, 0.5, 1.4) * 0.85
        return bone
    }

    func compactBone(view phi: Double, cortexScale: Double) -> PlacedBone? {
        guard case let .compact(c, ax, ay, az, exponent, angle) = form else { return nil }
        let a = ((ax * Math.cos(phi)) * (ax * Math.cos(phi)) + (az * Math.sin(phi)) * (az * Math.sin(phi))).squareRoot()
        let depth = 2 * ((az * Math.cos(phi)) * (az * Math.cos(phi)) + (ax * Math.sin(phi)) * (ax * Math.sin(phi))).squareRoot() * 0.85
        let blob = Blob(a: a * 0.92, b: ay * 0.92, exponent: exponent + 0.3, depth: depth * 0.9, cortex: 0.6 * cortexScale, interiorDensity: 0.9)
        let placement = Affine2.translation(c.project(phi)).then(before: .rotation(angle * Math.cos(phi)))
        var bone = PlacedBone(name: name, parts: [BonePart(shape: .blob(blob), placement: .identity)], placement: placement)
        bone.density = density
        return bone
    }
}

struct Vec3: Sendable {
    var x: Double, y: Double, z: Double
    init(_ x: Double, _ y: Double, _ z: Double) { self.x = x; self.y = y; self.z = z }
    func project(_ phi: Double) -> Vec2 { Vec2(x * Math.cos(phi) + z * Math.sin(phi), y) }
}
