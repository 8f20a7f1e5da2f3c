/// A PA radiograph of a left hand and wrist whose skeleton matures with bone age:
/// carpals and epiphyses appear, widen, cap their metaphyses and fuse on the schedule of
/// `OssificationSchedule`; bones lengthen with age. Thumb on the image right, as a PA
/// left hand is viewed.
public struct HandPhantom: Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int = 1024, height: Int = 1280) {
        self.width = width
        self.height = height
    }

    /// Everything drawn for one hand before imaging.
    struct Subject {
        var sex: PhantomSex
        var boneAgeMonths: Double
        var chronologicalAgeMonths: Double
        var gpSD: Double
        var sizeJitter: Double
        var jitter: [String: Double]
    }

    /// Hand length relative to an adult male, by age (years): growth-chart shape.
    static let growth: [(Double, Double)] = [
        (0, 0.33), (1, 0.42), (2, 0.50), (4, 0.59), (6, 0.66), (8, 0.72), (10, 0.79), (12, 0.87), (14, 0.94), (16, 0.985), (18, 1.0),
    ]

    static func sizeFactor(boneAgeMonths: Double, sex: PhantomSex) -> Double {
        let s = GreulichPyleTable.interpolate(boneAgeMonths / 12, growth)
        return s * (sex == .male ? 1.0 : 0.93)
    }

    public func generate(seed: UInt64, index: Int = 0, boneAgeMonths: Double? = nil, sex: PhantomSex? = nil) -> PhantomStudy {
        var rng = PhantomRandom(seed: seed)
        let s: PhantomSex = sex ?? (rng.bernoulli(0.5) ? .female : .male)
        let maxBA: Double = s == .male ? 216 : 204
        let ba = boneAgeMonths ?? rng.uniform(6, maxBA)
        let ca = Self.chronologicalAge(boneAgeMonths: ba, sex: s, rng: &rng)
        var subject = Subject(sex: s, boneAgeMonths: ba, chronologicalAgeMonths: ca,
                              gpSD: GreulichPyleTable.standardDeviation(ageMonths: ca, sex: s),
                              sizeJitter: Math.clamp(rng.gaussian(mean: 1, sd: 0.045), 0.88, 1.12), jitter: [:])
        var jitterRng = rng.fork(11)
        for entry in OssificationSchedule.entries(sex: s) {
            subject.jitter[entry.name] = Math.clamp(jitterRng.gaussian(mean: 0, sd: 2.5),
                                                    -OssificationSchedule.maxJitterMonths, OssificationSchedule.maxJitterMonths)
        }

        var layoutRng = rng.fork(12)
        var anatomy = HandAnatomy(subject: subject, rng: &layoutRng)
        let built = anatomy.build()

        // View: collimate to the hand with a margin, small rotation and offset.
        var viewRng = rng.fork(13)
        let size = built.size
        let extentY = 250 * size, extentX = 175 * size
        let spacing = max(extentY / Double(height), extentX / Double(width)) * viewRng.uniform(1.05, 1.3)
        let rotation = Math.radians(viewRng.gaussian(mean: 0, sd: 5))
        let centre = Vec2(18 * size, -80 * size) + Vec2(viewRng.gaussian(mean: 0, sd: 6), viewRng.gaussian(mean: 0, sd: 6)) * size
        let worldToPixel = Affine2.translation(Vec2(Double(width) / 2, Double(height) / 2))
            .then(before: Affine2.scale(1 / spacing))
            .then(before: Affine2.rotation(rotation))
            .then(before: Affine2.translation(-centre))

        var exposureRng = rng.fork(14)
        let renderer = RadiographRenderer(width: width, height: height, worldToPixel: worldToPixel,
                                          pixelSpacing: spacing, exposure: .random(&exposureRng))
        var noiseRng = rng.fork(15)
        let samples = renderer.render(built.scene, rng: &noiseRng)
        let (wc, ww) = Self.window(samples)

        let id = PhantomGenerator.studyId(kind: .hand, seed: seed, index: index)
        let image = PhantomImage(path: "images/1.png", width: width, height: height, pixelSpacing: spacing,
                                 bitsStored: renderer.exposure.bitsStored, view: "PA", samples: samples,
                                 windowCenter: wc, windowWidth: ww)
        let centres = built.centres.map { c -> OssificationCentreState in
            var c = c
            let p = worldToPixel.apply(Vec2(c.location.x, c.location.y))
            c.location = PixelPoint(x: p.x, y: p.y)
            return c
        }
        let reference = HandReference(boneAgeMonths: ba, chronologicalAgeMonths: ca, sex: s,
                                      gpStandardDeviationMonths: subject.gpSD,
                                      carpalsVisible: centres.filter { $0.group == .carpal && $0.present }.count,
                                      centres: centres, pixelSpacing: spacing)
        return PhantomStudy(id: id, kind: .hand, modality: .cr, bodyPart: "HAND",
                            patient: PhantomPatient(pseudoId: PhantomGenerator.pseudoId(seed: seed), sex: s,
                                                    ageMonths: Int(ca.rounded())),
                            series: [PhantomSeries(id: "1", description: "Left hand PA (bone age)", view: "PA", images: [image])],
                            reference: PhantomReference(studyId: id, kind: .hand, generator: PhantomGenerator.name,
                                                        seed: String(seed), hand: reference))
    }

    /// Chronological age drawn around the bone age: mostly within the normal Greulich–Pyle
    /// spread (SD from the Brush table at that age), with about 12 % clearly delayed or
    /// advanced children (|SDS| 2.1–3.2) so every SDS category occurs.
    static func chronologicalAge(boneAgeMonths ba: Double, sex: PhantomSex, rng: inout PhantomRandom) -> Double {
        let sd = GreulichPyleTable.standardDeviation(ageMonths: ba, sex: sex)
        var z = rng.gaussian()
        if rng.bernoulli(0.12) { z = (rng.bernoulli(0.5) ? 1 : -1) * rng.uniform(2.1, 3.2) }
        return max(1, ba - z * sd)
    }

    /// Display window from the 1st–99.8th percentiles of the stored values.
    static func window(_ samples: [UInt16]) -> (Double, Double) {
        // Saturated pixels (collimator shadow, metal) would stretch the window: leave them out.
        let top = samples.max() ?? 0
        let kept = samples.filter { $0 < top }
        let samples = kept.isEmpty ? samples : kept
        var histogram = [Int](repeating: 0, count: 65536)
        for v in samples { histogram[Int(v)] += 1 }
        func percentile(_ q: Double) -> Double {
            let target = Int(Double(samples.count) * q)
            var acc = 0
            for (v, c) in histogram.enumerated() {
                acc += c
                if acc > target { return Double(v) }
            }
            return 65535
        }
        // Open a little below the darkest tissue so the direct-exposure field reads grey, as on film.
        let hi = percentile(0.998), lo = max(0, percentile(0.01) - 0.25 * (hi - percentile(0.01)))
        return ((lo + hi) / 2, max(hi - lo, 1))
    }
}
