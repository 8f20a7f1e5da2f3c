/// A fracture of one tubular bone, in the bone's own frame (x along the bone from its
/// proximal end, y across), applied identically in every view; only what the view shows
/// of the 3-D displacement and angulation changes.
struct FracturePlan: Sendable {
    var bone: String
    var pattern: FracturePattern
    /// Distance along the bone (fraction of its length).
    var position: Double
    /// Line angle to the perpendicular of the shaft (radians), transverse < 30° ≤ oblique (AO).
    var lineAngle: Double
    var gap: Double
    /// Translation of the distal fragment across the shaft, split into the x (PA) and z (lateral) planes.
    var displacementX: Double
    var displacementZ: Double
    /// Angulation (radians) in the two planes.
    var angulationX: Double
    var angulationZ: Double

    var displacementMm: Double { (displacementX * displacementX + displacementZ * displacementZ).squareRoot() }
    var angulationDegrees: Double {
        Math.degrees((angulationX * angulationX + angulationZ * angulationZ).squareRoot())
    }

    static func random(bone: String, rng: inout PhantomRandom) -> FracturePlan {
        let pattern = FracturePattern.allCases[rng.choice(weights: [0.4, 0.35, 0.25])]
        let angle: Double
        switch pattern {
        case .transverse: angle = Math.radians(rng.uniform(-20, 20))
        case .oblique: angle = Math.radians((rng.bernoulli(0.5) ? 1 : -1) * rng.uniform(32, 58))
        case .comminuted: angle = Math.radians((rng.bernoulli(0.5) ? 1 : -1) * rng.uniform(20, 45))
        }
        // A share of fractures are undisplaced hairlines: the hard cases for readers and models.
        let displaced = rng.bernoulli(0.8)
        let d = displaced ? rng.uniform(0.5, 4.5) : rng.uniform(0, 0.4)
        let dirAngle = rng.uniform(0, 2 * .pi)
        let ang = displaced ? Math.radians(rng.uniform(0, 22)) : 0
        let angDir = rng.uniform(0, 2 * .pi)
        return FracturePlan(bone: bone, pattern: pattern, position: rng.uniform(0.2, 0.8), lineAngle: angle,
                            gap: displaced ? rng.uniform(0.45, 1.2) : rng.uniform(0.35, 0.6),
                            displacementX: d * Math.cos(dirAngle), displacementZ: d * Math.sin(dirAngle),
                            angulationX: ang * Math.cos(angDir), angulationZ: ang * Math.sin(angDir))
    }

    /// The fragments of `bone` seen at view angle φ, and the world points that outline the
    /// fracture (for its box).
    func fragments(of bone: PlacedBone, length: Double, halfWidth: Double, phi: Double) -> ([PlacedBone], [Vec2]) {
        let f = Vec2(position * length, 0)
        let n1 = Vec2(Math.cos(lineAngle), Math.sin(lineAngle))
        let shift = displacementX * Math.cos(phi) + displacementZ * Math.sin(phi)
        let angulation = angulationX * Math.cos(phi) + angulationZ * Math.sin(phi)
        // Distal fragment hinges about the fracture centre, then slides across the shaft.
        let distalMotion = Affine2.translation(Vec2(0, shift)).then(before: .rotation(angulation, about: f))
        let g = gap / 2
        func clip(_ n: Vec2, _ at: Vec2, _ side: Double) -> HalfPlane {
            HalfPlane(through: at + n * (side * g), normal: n * side)
        }
        var pieces: [PlacedBone] = []
        var outline: [Vec2] = []
        let reach = halfWidth * 1.6 + abs(Math.sin(lineAngle)) * halfWidth
        switch pattern {
        case .transverse, .oblique:
            var proximal = bone; proximal.clips = [clip(n1, f, -1)]
            var distal = bone; distal.clips = [clip(n1, f, 1)]; distal.fragmentMotion = distalMotion
            pieces = [proximal, distal]
            let along = n1.perpendicular
            for k in [-1.0, 1.0] {
                let p = f + along * (k * halfWidth / max(abs(along.y), 0.5))
                outline.append(bone.placement.apply(p))
                outline.append(bone.placement.then(before: distalMotion).apply(p))
            }
        case .comminuted:
            // Two lines of opposite obliquity crossing inside the shaft leave a proximal and a
            // distal fragment and two butterfly wedges between them.
            let f2 = f + Vec2(halfWidth * 0.6, 0)
            let n2 = Vec2(Math.cos(-lineAngle * 1.3), Math.sin(-lineAngle * 1.3))
            var proximal = bone; proximal.clips = [clip(n1, f, -1), clip(n2, f2, -1)]
            var distal = bone; distal.clips = [clip(n1, f, 1), clip(n2, f2, 1)]; distal.fragmentMotion = distalMotion
            var wedgeA = bone; wedgeA.clips = [clip(n1, f, 1), clip(n2, f2, -1)]
            wedgeA.fragmentMotion = Affine2.translation(Vec2(0, 0.5 * shift + 0.8 * gap)).then(before: .rotation(angulation * 0.5 + 0.08, about: f))
            var wedgeB = bone; wedgeB.clips = [clip(n1, f, -1), clip(n2, f2, 1)]
            wedgeB.fragmentMotion = Affine2.translation(Vec2(0, 0.5 * shift - 0.8 * gap)).then(before: .rotation(-0.06, about: f2))
            pieces = [proximal, distal, wedgeA, wedgeB]
            for p in [f + Vec2(-reach * 0.5, -halfWidth), f + Vec2(-reach * 0.5, halfWidth), f2 + Vec2(reach * 0.5, -halfWidth), f2 + Vec2(reach * 0.5, halfWidth)] {
                outline.append(bone.placement.apply(p))
                outline.append(bone.placement.then(before: distalMotion).apply(p))
            }
        }
        return (pieces, outline)
    }
}
