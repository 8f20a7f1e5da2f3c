/// Upper-limb radiograph studies of 2–3 views (wrist, forearm, finger, elbow), normal or
/// with an acute fracture (transverse, oblique or comminuted, with displacement and
/// angulation). Some studies carry a plate and screws in either class, so hardware cannot
/// stand in for the label (clinical-facts §4.1, the MURA caveat).
public struct ExtremityPhantom: Sendable {
    public var width: Int
    public var height: Int
    /// Probability that a study is abnormal (fracture studies typically fix prevalence at 50%).
    public var abnormalRate = 0.5
    public var hardwareRate = 0.15

    public init(width: Int = 768, height: Int = 960) {
        self.width = width
        self.height = height
    }

    public func generate(seed: UInt64, index: Int = 0, part: String? = nil, abnormal: Bool? = nil) -> PhantomStudy {
        var rng = PhantomRandom(seed: seed)
        // Draw every choice even when the caller fixes it, so a study rendered normal and
        // abnormal from one seed differs only by the fracture.
        let drawnPart = ExtremityAnatomy.Part.allCases[rng.choice(weights: [0.4, 0.15, 0.25, 0.2])]
        let bodyPart = part.flatMap(ExtremityAnatomy.Part.init(rawValue:)) ?? drawnPart
        let drawnAbnormal = rng.bernoulli(abnormalRate)
        let isAbnormal = abnormal ?? drawnAbnormal
        let sex: PhantomSex = rng.bernoulli(0.5) ? .female : .male
        let ageYears = rng.uniform(18, 88)
        let scale = (sex == .male ? 1.0 : 0.92) * Math.clamp(rng.gaussian(mean: 1, sd: 0.05), 0.85, 1.15)
        // Cortices thin with age, more so in women after the menopause.
        let cortexScale = 1.05 - (ageYears > 50 ? (ageYears - 50) * (sex == .female ? 0.008 : 0.004) : 0)
        let finger = rng.pick([2, 3, 4, 5])
        let bones = ExtremityAnatomy.bones(bodyPart, scale: scale, finger: finger)

        var fracture: FracturePlan?
        var fractureRng = rng.fork(21)
        if isAbnormal {
            let candidates = bones.filter { $0.fracturable && $0.tubular(view: 0, cortexScale: 1) != nil }
            let target = Self.preferredTarget(bodyPart, candidates, rng: &fractureRng)
            var plan = FracturePlan.random(bone: target.name, rng: &fractureRng)
            if bodyPart == .wrist && (target.name == "radius" || target.name == "ulna") { plan.position = fractureRng.uniform(0.84, 0.94) }
            if bodyPart == .forearm { plan.position = fractureRng.uniform(0.3, 0.8) }
            if bodyPart == .elbow && target.name == "radius" { plan.position = fractureRng.uniform(0.08, 0.2) }
            if bodyPart == .elbow && target.name == "humerus" { plan.position = fractureRng.uniform(0.78, 0.9) }
            if bodyPart == .elbow && target.name == "ulna" { plan.position = fractureRng.uniform(0.15, 0.45) }
            fracture = plan
        }
        // Hardware on a random tubular bone, away from any acute fracture.
        let hasHardware = rng.bernoulli(hardwareRate)
        let hardwareBone = hasHardware ? rng.pick(bones.filter { $0.tubular(view: 0, cortexScale: 1) != nil && $0.fracturable }).name : nil
        let hardwareAt = rng.uniform(0.3, 0.7)

        let field = bodyPart.field
        let id = PhantomGenerator.studyId(kind: .extremity, seed: seed, index: index)
        var series: [PhantomSeries] = []
        var imageRefs: [ExtremityImageReference] = []
        var viewRng = rng.fork(20)
        for (k, view) in bodyPart.views.enumerated() {
            let phi = view.phi + Math.radians(viewRng.gaussian(mean: 0, sd: 4))
            var scene = RadiographScene()
            var outline: [Vec2] = []
            for bone in bones {
                if let tube = bone.tubular(view: phi, cortexScale: cortexScale) {
                    let placed = tube.placed().bone
                    if let plan = fracture, plan.bone == bone.name {
                        let (pieces, points) = plan.fragments(of: placed, length: tube.length, halfWidth: tube.shaftHalfWidth, phi: phi)
                        scene.bones += pieces
                        outline = points
                    } else {
                        scene.bones.append(placed)
                    }
                    if hardwareBone == bone.name {
                        scene.bones += Self.plateAndScrews(on: tube, at: hardwareAt, phi: phi)
                    }
                } else if let compact = bone.compactBone(view: phi, cortexScale: cortexScale) {
                    scene.bones.append(compact)
                }
            }
            scene.soft = ExtremityAnatomy.soft(bodyPart, scale: scale, phi: phi, finger: finger)

            let spacing = field.height * scale / Double(height) * viewRng.uniform(1.0, 1.15)
            let rotation = Math.radians(viewRng.gaussian(mean: 0, sd: 6))
            var centre = field.centre * scale
            if bodyPart == .finger {
                let g = HandAnatomy.rays[finger]!
                let a = Math.radians(g.angle)
                centre = Vec2((g.base.x + Math.sin(a) * (g.lengths[0] + 45)) * Math.cos(phi), g.base.y - 120) * scale
            }
            centre = centre + Vec2(viewRng.gaussian(mean: 0, sd: 4), viewRng.gaussian(mean: 0, sd: 4)) * scale
            var worldToPixel = Self.view(width: width, height: height, spacing: spacing, rotation: rotation, centre: centre)
            var box: PixelBox?
            if !outline.isEmpty {
                // Keep the whole fracture inside the image, with a margin.
                var b = Self.box(outline.map(worldToPixel.apply), padding: 3 / spacing)
                let margin = 0.04 * Double(min(width, height))
                var dx = 0.0, dy = 0.0
                if b.x < margin { dx = margin - b.x } else if b.x + b.width > Double(width) - margin { dx = Double(width) - margin - b.x - b.width }
                if b.y < margin { dy = margin - b.y } else if b.y + b.height > Double(height) - margin { dy = Double(height) - margin - b.y - b.height }
                if dx != 0 || dy != 0 {
                    worldToPixel = Affine2.translation(Vec2(dx, dy)).then(before: worldToPixel)
                    b = Self.box(outline.map(worldToPixel.apply), padding: 3 / spacing)
                }
                box = b
            }
            var exposureRng = viewRng.fork(UInt64(k))
            let renderer = RadiographRenderer(width: width, height: height, worldToPixel: worldToPixel, pixelSpacing: spacing,
                                              exposure: .random(&exposureRng))
            var noiseRng = viewRng.fork(100 + UInt64(k))
            let samples = renderer.render(scene, rng: &noiseRng)
            let (wc, ww) = HandPhantom.window(samples)
            let path = "images/\(k + 1).png"
            let image = PhantomImage(path: path, width: width, height: height, pixelSpacing: spacing,
                                     bitsStored: renderer.exposure.bitsStored, view: view.label, samples: samples,
                                     windowCenter: wc, windowWidth: ww)
            series.append(PhantomSeries(id: "\(k + 1)", description: "\(bodyPart.rawValue.capitalized) \(view.label)", view: view.label, images: [image]))
            imageRefs.append(ExtremityImageReference(image: path, view: view.label, label: isAbnormal ? "abnormal" : "normal",
                                                     hardware: hasHardware, fractureBox: box.map(Self.rounded)))
        }
        let fractureRef = fracture.map {
            FractureReference(bone: $0.bone, pattern: $0.pattern, position: $0.position.rounded(places: 3),
                              displacementMm: $0.displacementMm.rounded(places: 2), angulationDegrees: $0.angulationDegrees.rounded(places: 1),
                              lineAngleDegrees: Math.degrees($0.lineAngle).rounded(places: 1), fragments: $0.pattern == .comminuted ? 4 : 2)
        }
        let reference = ExtremityReference(bodyPart: bodyPart.rawValue, label: isAbnormal ? "abnormal" : "normal",
                                           hardware: hasHardware, fracture: fractureRef, images: imageRefs)
        return PhantomStudy(id: id, kind: .extremity, modality: rng.bernoulli(0.5) ? .cr : .dx, bodyPart: bodyPart.rawValue,
                            patient: PhantomPatient(pseudoId: PhantomGenerator.pseudoId(seed: seed), sex: sex, ageMonths: Int(ageYears * 12)),
                            series: series,
                            reference: PhantomReference(studyId: id, kind: .extremity, generator: PhantomGenerator.name,
                                                        seed: String(seed), extremity: reference))
    }

    static func preferredTarget(_ part: ExtremityAnatomy.Part, _ candidates: [LimbBone], rng: inout PhantomRandom) -> LimbBone {
        let names = candidates.map(\.name)
        let weights = names.map { name -> Double in
            switch part {
            case .wrist: return name == "radius" ? 5 : (name == "ulna" ? 1.5 : (name.hasPrefix("metacarpal") ? 0.6 : 0.2))
            case .forearm, .elbow, .finger: return name == "humerus" && part == .forearm ? 0 : 1
            }
        }
        return candidates[rng.choice(weights: weights)]
    }

    static func view(width: Int, height: Int, spacing: Double, rotation: Double, centre: Vec2) -> Affine2 {
        Affine2.translation(Vec2(Double(width) / 2, Double(height) / 2))
            .then(before: .scale(1 / spacing)).then(before: .rotation(rotation)).then(before: .translation(-centre))
    }

    static func box(_ points: [Vec2], padding: Double) -> PixelBox {
        let xs = points.map(\.x), ys = points.map(\.y)
        let x0 = xs.min()! - padding, y0 = ys.min()! - padding
        return PixelBox(x: x0, y: y0, width: xs.max()! + padding - x0, height: ys.max()! + padding - y0)
    }

    static func rounded(_ b: PixelBox) -> PixelBox {
        PixelBox(x: b.x.rounded(places: 1), y: b.y.rounded(places: 1), width: b.width.rounded(places: 1), height: b.height.rounded(places: 1))
    }

    /// A 6-hole plate on the bone's surface and screws across it; at φ = 0 the plate is seen
    /// en face over the bone, at φ = 90° in profile beside it.
    static func plateAndScrews(on tube: TubularBone, at position: Double, phi: Double) -> [PlacedBone] {
        let w = tube.shaftHalfWidth
        let plateLength = min(tube.length * 0.45, 75)
        let start = Math.clamp(position * tube.length - plateLength / 2, 2, max(tube.length - plateLength - 2, 2))
        let offset = (w + 1.5) * Math.sin(phi)
        let plateHalfWidth = ((5.5 * Math.cos(phi)) * (5.5 * Math.cos(phi)) + (1.6 * Math.sin(phi)) * (1.6 * Math.sin(phi))).squareRoot()
        let plate = Rod(length: plateLength, halfWidths: [plateHalfWidth, plateHalfWidth], cortexFractions: [1, 1],
                        interiorDensity: [1, 1], capStart: plateHalfWidth, capEnd: plateHalfWidth, depthRatio: 0.35)
        var out = [PlacedBone(name: "plate", parts: [BonePart(shape: .rod(plate), placement: .translation(Vec2(start, offset)))],
                              placement: tube.frame, isMetal: true)]
        for k in 0..<6 {
            let x = start + plateLength * (Double(k) + 0.5) / 6
            let screwLength = 2 * w + 4
            let screw = Rod(length: screwLength, halfWidths: [1.8, 1.6, 1.6, 1.4, 1.0], cortexFractions: [1, 1, 1, 1, 1],
                            interiorDensity: [1, 1, 1, 1, 1], capStart: 0.4, capEnd: 1.0, depthRatio: 0.9)
            // Screws run front to back: across the image in the lateral view, end-on (a disc) in the AP view.
            let across = Math.sin(phi)
            if abs(across) > 0.3 {
                let sign: Double = across > 0 ? 1 : -1
                out.append(PlacedBone(name: "screw", parts: [BonePart(shape: .rod(screw), placement: Affine2.translation(Vec2(x, offset + 1.8 * sign)).then(before: .rotation(-sign * .pi / 2)))],
                                      placement: tube.frame, isMetal: true))
            } else {
                let head = Blob(a: 2.2, b: 2.2, depth: screwLength * 0.9, cortex: 2.2)
                out.append(PlacedBone(name: "screw", parts: [BonePart(shape: .blob(head), placement: .translation(Vec2(x, 0)))],
                                      placement: tube.frame, isMetal: true))
            }
        }
        return out
    }
}
