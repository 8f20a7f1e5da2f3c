/// Lays out the bones and soft tissue of a left hand (PA, world mm, y towards the forearm,
/// thumb towards +x) for one subject. Adult male dimensions are scaled by growth.
struct HandAnatomy {
    var subject: HandPhantom.Subject
    var rng: PhantomRandom

    init(subject: HandPhantom.Subject, rng: inout PhantomRandom) {
        self.subject = subject
        self.rng = rng.fork(1)
    }

    struct Built {
        var scene: RadiographScene
        var centres: [OssificationCentreState]
        var size: Double
    }

    /// Adult male ray geometry: metacarpal base (mm), angle from vertical (deg, + towards thumb),
    /// lengths (MC, PP, MP, DP; MP 0 for the thumb) and shaft half-widths.
    struct Ray {
        var base: Vec2
        var angle: Double
        var lengths: [Double]
        var halfWidths: [Double]
        var spread: Double
    }

    static let rays: [Int: Ray] = [
        1: Ray(base: Vec2(26, -29), angle: 40, lengths: [44, 31, 0, 23], halfWidths: [5.4, 4.6, 0, 3.1], spread: 6),
        2: Ray(base: Vec2(13, -37), angle: 9, lengths: [67, 40, 23, 17], halfWidths: [4.6, 4.3, 3.6, 2.7], spread: 6),
        3: Ray(base: Vec2(1, -38), angle: 0, lengths: [64, 45, 27, 19], halfWidths: [4.7, 4.5, 3.8, 2.8], spread: 1),
        4: Ray(base: Vec2(-10.5, -36), angle: -9, lengths: [57, 42, 26, 19], halfWidths: [4.0, 4.2, 3.5, 2.7], spread: -4),
        5: Ray(base: Vec2(-20.5, -32), angle: -18, lengths: [52, 33, 19, 16], halfWidths: [3.8, 3.7, 3.1, 2.5], spread: -9),
    ]

    /// Adult carpal layout: centre, semi-axes, rotation (deg), squareness, lobes.
    static let carpals: [String: (c: Vec2, a: Double, b: Double, angle: Double, p: Double)] = [
        "capitate": (Vec2(1, -23), 7.0, 11.0, 0, 2.6),
        "hamate": (Vec2(-10, -22), 7.5, 9.5, -8, 2.5),
        "triquetrum": (Vec2(-12, -9), 6.0, 6.5, 30, 2.3),
        "lunate": (Vec2(0, -6.5), 8.0, 7.0, 0, 2.2),
        "scaphoid": (Vec2(14, -9), 6.0, 12.0, -55, 2.2),
        "trapezium": (Vec2(22, -22), 7.5, 8.0, 20, 2.5),
        "trapezoid": (Vec2(12, -25), 5.5, 7.0, 10, 2.6),
        "pisiform": (Vec2(-14, -12), 4.5, 5.0, 0, 2.0),
    ]

    mutating func build() -> Built {
        let s = subject
        let t = s.boneAgeMonths
        let size = HandPhantom.sizeFactor(boneAgeMonths: t, sex: s.sex) * s.sizeJitter
        let maturity = Math.clamp(t / OssificationSchedule.maturityMonths(sex: s.sex), 0, 1)
        let widthScale = Math.pow(size, 0.8)
        let cortexScale = 0.75 + 0.35 * maturity
        let jointGap = size * (1.8 + 5.0 * Math.pow(1 - maturity, 1.6))
        let shaftShare = 0.84 + 0.16 * maturity
        let entries = Dictionary(uniqueKeysWithValues: OssificationSchedule.entries(sex: s.sex).map { ($0.name, $0) })

        var scene = RadiographScene()
        var centres: [OssificationCentreState] = []
        let spreadScale = rng.uniform(0.4, 1.5)
        let thumbAbduction = rng.gaussian(mean: 0, sd: 5)

        func epiphysis(_ name: String, metaphysisGap: Double, headLike: Bool) -> (EpiphysisState, OssificationCentreState) {
            let e = entries[name]!
            let j = s.jitter[name] ?? 0
            let age = t - j
            let present = age >= e.appearMonths
            let fusion = e.fusionMonths ?? .infinity
            let fused = age >= fusion
            var state = EpiphysisState.absent
            if present {
                let grow = Math.pow(Math.smoothstep(e.appearMonths, e.equalWidthMonths ?? 120, age), 0.8)
                let capping = Math.smoothstep(e.equalWidthMonths ?? 120, e.cappingMonths ?? 150, age)
                let ratio = 0.22 + 0.78 * grow + 0.08 * capping
                let thickness = headLike ? (0.45 + 0.65 * grow) : (0.3 + 0.4 * grow)
                // The physis narrows over the 18 months before fusion, then the plate disappears.
                let closing = Math.smoothstep(fusion - 18, fusion, age)
                var gap = metaphysisGap * (1 - closing)
                var scar = 0.0
                if fused {
                    gap = -0.35 * thickness * 3
                    scar = 0.5 * Math.exp(-(age - fusion) / 30)
                }
                state = EpiphysisState(present: true, widthRatio: ratio, thicknessRatio: thickness,
                                       bend: 0.22 * capping * (headLike ? 0.3 : 1), gap: gap, fused: fused, scar: scar)
            }
            let centre = OssificationCentreState(name: name, group: e.group, present: present, fused: present && fused,
                                                 appearDueMonths: e.appearMonths, fusionDueMonths: e.fusionMonths,
                                                 jitterMonths: j, widthRatio: present ? state.widthRatio : nil,
                                                 location: PixelPoint(x: 0, y: 0))
            return (state, centre)
        }

        let physis = size * (1.0 + 1.4 * (1 - maturity))
        var fingerTips: [Int: Vec2] = [:]
        var mcHeads: [Int: Vec2] = [:]
        var mcMid: [Int: Vec2] = [:]
        var shaftWidth: [Int: Double] = [:]
        var rayBases: [Int: Vec2] = [:]
        for ray in 1...5 {
            let r = HandAnatomy.rays[ray]!
            // Young hands are broad: the rays fan out more and the palm is plump.
            let fan = 1 + (ray == 1 ? 0.1 : 0.45) * (1 - maturity)
            var angle = Math.radians(r.angle * fan + (ray == 1 ? thumbAbduction : 0))
            var position = Vec2(r.base.x * fan, r.base.y) * size + Vec2(0, (1 - maturity) * 4 * size)
            rayBases[ray] = position
            let names = ["metacarpal \(ray)", "proximal phalanx \(ray)", "middle phalanx \(ray)", "distal phalanx \(ray)"]
            for k in 0..<4 where r.lengths[k] > 0 {
                if k == 1 { angle += Math.radians(r.spread * spreadScale) }
                let dir = Vec2(Math.sin(angle), -Math.cos(angle))
                let hw = r.halfWidths[k] * widthScale
                // Fingers are relatively shorter in young children.
                let len = r.lengths[k] * size * shaftShare * (k == 0 ? 1 : 0.86 + 0.14 * maturity)
                var bone = TubularBone(name: names[k], base: position, direction: dir, length: len,
                                       baseHalfWidth: hw * (k == 0 ? 1.35 : 1.55), shaftHalfWidth: hw,
                                       headHalfWidth: hw * (k == 3 ? 1.25 : (k == 0 ? 1.45 : 1.25)))
                bone.cortexScale = cortexScale
                bone.depthRatio = 0.8
                bone.bow = k <= 1 ? -0.12 * hw : 0
                if k == 3 { bone.headCap = 0.7 }
                // Thumb metacarpal epiphysis is at its base; the others at their heads.
                let headEpiphysis = (k == 0 && ray != 1)
                let (state, centre) = epiphysis(names[k], metaphysisGap: physis, headLike: headEpiphysis)
                if headEpiphysis { bone.headEpiphysis = state; bone.headCap = 0.35 } else { bone.baseEpiphysis = state; bone.baseCap = 0.25 }
                let placed = bone.placed()
                scene.bones.append(placed.bone)
                var c = centre
                let loc = headEpiphysis ? placed.headCentre : placed.baseCentre
                c.location = PixelPoint(x: loc.x, y: loc.y)
                centres.append(c)

                let end = position + dir * len
                if k == 0 { mcHeads[ray] = end; mcMid[ray] = position + dir * (len / 2) }
                if k == 1 { shaftWidth[ray] = hw }
                // The next bone starts beyond the joint space (and the head epiphysis, if any).
                var next = end + dir * jointGap
                if headEpiphysis && state.present { next = next + dir * (state.thicknessRatio * bone.headHalfWidth + max(state.gap, 0)) }
                if k == 0 && ray != 1 && !state.present { next = next + dir * (hw * 0.8) }
                position = next
                if k == 3 { fingerTips[ray] = end + dir * (2.5 * size) }
            }
        }

        // Sesamoid at the thumb MCP joint, ulnar side.
        do {
            let e = entries["sesamoid"]!
            let j = s.jitter["sesamoid"] ?? 0
            let present = t - j >= e.appearMonths
            let head = mcHeads[1]!
            let loc = head + Vec2(-4 * size, -2 * size)
            if present {
                let grow = Math.smoothstep(e.appearMonths, e.appearMonths + 36, t - j)
                let r = size * (1.2 + 2.3 * grow)
                scene.bones.append(PlacedBone(name: "sesamoid", parts: [BonePart(shape: .blob(Blob(a: r, b: r * 0.85, depth: 1.6 * r, cortex: 0.4)), placement: .identity)],
                                              placement: .translation(loc)))
            }
            centres.append(OssificationCentreState(name: "sesamoid", group: .sesamoid, present: present, fused: false,
                                                   appearDueMonths: e.appearMonths, fusionDueMonths: nil, jitterMonths: j,
                                                   widthRatio: nil, location: PixelPoint(x: loc.x, y: loc.y)))
        }

        // Carpals: grow from a round nodule to the adult, more angular shape.
        let matureAt = OssificationSchedule.maturityMonths(sex: s.sex)
        for name in OssificationSchedule.carpalNames {
            let e = entries[name]!
            let j = s.jitter[name] ?? 0
            let age = t - j
            let geo = HandAnatomy.carpals[name]!
            let centre = geo.c * size + Vec2(0, (1 - maturity) * 3 * size)
            let present = age >= e.appearMonths
            if present {
                let progress = Math.clamp((age - e.appearMonths) / max(matureAt - e.appearMonths, 12), 0, 1)
                let f = (0.16 + 0.84 * Math.pow(progress, 0.65)) * 0.9
                let mean = (geo.a + geo.b) / 2
                let a = Math.lerp(mean, geo.a, progress) * f * size
                let b = Math.lerp(mean, geo.b, progress) * f * size
                let lobes = [(k: 3.0, amp: 0.03 * progress * rng.uniform(0.5, 1.5), phase: rng.uniform(0, 6.28)),
                             (k: 2.0, amp: 0.025 * progress * rng.uniform(0.5, 1.5), phase: rng.uniform(0, 6.28))]
                let blob = Blob(a: a, b: b, exponent: Math.lerp(2, geo.p, progress), lobes: lobes,
                                depth: 1.5 * min(a, b) + 4 * size * progress, cortex: (0.25 + 0.3 * progress) * size,
                                interiorDensity: 1.0)
                let placement = Affine2.translation(centre).then(before: .rotation(Math.radians(geo.angle)))
                scene.bones.append(PlacedBone(name: name, parts: [BonePart(shape: .blob(blob), placement: .identity)], placement: placement))
            }
            centres.append(OssificationCentreState(name: name, group: .carpal, present: present, fused: false,
                                                   appearDueMonths: e.appearMonths, fusionDueMonths: nil, jitterMonths: j,
                                                   widthRatio: nil, location: PixelPoint(x: centre.x, y: centre.y)))
        }

        // Radius and ulna: shafts run into the forearm; distal epiphyses above them.
        let forearmAngle = Math.radians(rng.gaussian(mean: 0, sd: 2))
        let down = Vec2(-Math.sin(forearmAngle), Math.cos(forearmAngle))
        let carpusGap = size * (2.0 + 9 * Math.pow(1 - maturity, 1.4))
        for (name, x0, y0, distalHW, shaftHW) in [("radius", 8.5, 1.0, 11 + 3.5 * maturity, 6.5), ("ulna", -15.5, 4.0, 7.0, 5.6)] {
            let (state, centre) = epiphysis(name, metaphysisGap: physis * 1.2, headLike: false)
            let epiThickness = state.present ? state.thicknessRatio * distalHW * widthScale : 0
            let start = Vec2(x0 * size, y0 * size + carpusGap + (state.present ? epiThickness + max(state.gap, 0) : 0) - epiThickness * 0.3)
            var bone = TubularBone(name: name, base: start, direction: down, length: 260 * size,
                                   baseHalfWidth: distalHW * widthScale, shaftHalfWidth: shaftHW * widthScale,
                                   headHalfWidth: shaftHW * widthScale * 1.2)
            bone.cortexScale = cortexScale * 1.1
            bone.baseCap = 0.3
            bone.baseEpiphysis = state
            bone.baseEpiphysis.thicknessRatio *= name == "radius" ? 0.85 : 0.9
            bone.depthRatio = 0.62
            // The growth plate runs square to the shaft; the radial inclination comes with fusion.
            bone.epiphysisTilt = 0
            let placed = bone.placed()
            scene.bones.append(placed.bone)
            var c = centre
            c.location = PixelPoint(x: placed.baseCentre.x, y: placed.baseCentre.y)
            centres.append(c)
        }

        // Soft tissue: fingers, palm, thenar and hypothenar eminences, wrist and forearm.
        let chubby = 2.25 + 1.0 * (1 - maturity)
        for ray in 1...5 {
            guard let head = mcHeads[ray], let tip = fingerTips[ray] else { continue }
            let r = (shaftWidth[ray] ?? 4 * size) * chubby
            scene.soft.append(.capsule(a: head, b: tip, ra: r * 1.08, rb: r * 0.8, depthRatio: 0.9))
        }
        // Palm: tapered cylinders along the metacarpals and across their bases and heads.
        for ray in 2...5 {
            let plump = (16 + 9 * (1 - maturity)) * size
            scene.soft.append(.capsule(a: rayBases[ray]!, b: mcHeads[ray]!, ra: plump, rb: plump * 0.7, depthRatio: 0.85))
        }
        let plumpBase = (16 + 9 * (1 - maturity)) * size
        scene.soft.append(.capsule(a: rayBases[2]! + Vec2(0, -10) * size, b: rayBases[5]! + Vec2(2, -10) * size,
                                   ra: plumpBase * 0.85, rb: plumpBase * 0.85, depthRatio: 0.85))
        // Across the metacarpal heads the palm thins towards the finger webs.
        scene.soft.append(.capsule(a: mcHeads[2]!, b: mcHeads[5]!, ra: 10 * size, rb: 9 * size, depthRatio: 0.8))
        scene.soft.append(.capsule(a: mcMid[2]!, b: mcMid[5]!, ra: 17 * size, rb: 17 * size, depthRatio: 0.85))
        scene.soft.append(.capsule(a: Vec2(14, -18) * size, b: mcHeads[1]!, ra: 18 * size, rb: 13 * size, depthRatio: 0.95))
        scene.soft.append(.capsule(a: Vec2(-20, -20) * size, b: mcHeads[5]! + Vec2(-2, 0) * size, ra: 17 * size, rb: 13 * size, depthRatio: 0.85))
        scene.soft.append(.capsule(a: Vec2(-3, -22) * size, b: Vec2(-3, 0) * size + down * (300 * size),
                                   ra: 28 * size, rb: 32 * size, depthRatio: 0.8))
        // Children's bones are less mineralised: lower contrast against soft tissue.
        let density = 0.5 + 0.5 * Math.smoothstep(0, 1, maturity)
        for k in scene.bones.indices { scene.bones[k].density = density }
        return Built(scene: scene, centres: centres, size: size)
    }
}
