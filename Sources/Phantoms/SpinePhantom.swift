/// Sagittal T2-weighted lumbar MR (T10–S3) of a few parasagittal slices. Per level L1-L2 …
/// L5-S1: canal stenosis (RSNA 2024 classes), Pfirrmann grade (disc signal and height) and
/// listhesis. Signal levels follow the relative T2 intensities of clinical-facts §6.2
/// (CSF 1.0 > healthy nucleus ≈ marrow > degenerated nucleus > annulus > cortex);
/// Rician noise and a surface-coil bias field are added on the magnitude image.
public struct SpinePhantom: Sendable {
    public var size: Int

    public init(size: Int = 320) { self.size = size }

    /// Relative T2 signal of the nucleus and disc height factor per Pfirrmann grade (I…V).
    static let nucleusSignal = [0.92, 0.72, 0.42, 0.22, 0.08]
    static let heightFactor = [1.0, 1.0, 0.9, 0.72, 0.38]
    /// Normal disc heights (mm) L1-L2 … L5-S1 (MRI and radiograph series, clinical-facts §3.3).
    static let normalDiscHeights = [9.0, 10.0, 11.0, 12.0, 11.5]

    public func generate(seed: UInt64, index: Int = 0) -> PhantomStudy {
        var rng = PhantomRandom(seed: seed)
        let sex: PhantomSex = rng.bernoulli(0.5) ? .female : .male
        let ageYears = rng.uniform(20, 85)
        var gradeRng = rng.fork(30)
        let grades = SpineGrades.random(ageYears: ageYears, rng: &gradeRng)
        let scale = (sex == .male ? 1.0 : 0.93) * Math.clamp(rng.gaussian(mean: 1, sd: 0.05), 0.85, 1.15)
        let discHeights = (0..<5).map { k in
            Self.normalDiscHeights[k] * scale * Self.heightFactor[grades.levels[k].pfirrmann - 1] * rng.uniform(0.92, 1.08)
        }
        let layout = SpineLayout.build(scale: scale, lordosis: rng.uniform(0.6, 1.3), lumbarDiscHeights: discHeights,
                                       slips: grades.levels.map(\.slipPercent))

        // Field of view and placement: L3 near the image centre, spine in the posterior half.
        let fov = rng.uniform(250, 300)
        let spacing = fov / Double(size)
        let l3 = layout.vertebrae.first { $0.name == "L3" }!
        let centre = l3.centre + Vec2(rng.uniform(-5, 15), rng.uniform(-12, 12))
        let rotation = Math.radians(rng.gaussian(mean: 0, sd: 3))
        let worldToPixel = Affine2.translation(Vec2(Double(size) / 2, Double(size) / 2))
            .then(before: .scale(1 / spacing)).then(before: .rotation(rotation)).then(before: .translation(-centre))

        let sliceCount = rng.bernoulli(0.5) ? 3 : 5
        let sliceGap = rng.uniform(3.8, 4.6)
        let mid = sliceCount / 2
        let snr = rng.uniform(14, 30)
        let gain = rng.uniform(1800, 2800)
        let gibbsWidth = rng.uniform(1.0, 1.4)
        let texture = rng.fork(31)
        let anatomy = SpineAnatomyPainter(layout: layout, grades: grades, discHeights: discHeights, ageYears: ageYears,
                                          subcutaneousFat: rng.uniform(8, 35), muscleDepth: rng.uniform(38, 55) * scale,
                                          marrowSignal: rng.uniform(0.42, 0.62) + (ageYears > 50 ? 0.08 : 0))
        var images: [PhantomImage] = []
        var noiseRng = rng.fork(32)
        for k in 0..<sliceCount {
            let offset = Double(k - mid) * sliceGap
            var t = texture
            var canvas = anatomy.paint(size: size, worldToPixel: worldToPixel, spacing: spacing, offset: offset, rng: &t)
            canvas = canvas.truncationBlurred(width: gibbsWidth)
            // Surface coil under the back: signal falls off anteriorly; Rician magnitude noise.
            var samples = [UInt16](repeating: 0, count: size * size)
            let sigma = 1.0 / snr
            for y in 0..<size {
                for x in 0..<size {
                    let i = y * size + x
                    let bias = 0.55 + 0.45 * Math.pow(Double(x) / Double(size), 0.7) - 0.08 * abs(Double(y) / Double(size) - 0.5)
                    let s = Double(canvas.pixels[i]) * bias
                    let re = s + sigma * noiseRng.gaussian(), im = sigma * noiseRng.gaussian()
                    let magnitude = (re * re + im * im).squareRoot()
                    samples[i] = UInt16(Math.clamp((magnitude * gain).rounded(), 0, 4095))
                }
            }
            let (wc, ww) = HandPhantom.window(samples)
            images.append(PhantomImage(path: "images/\(k + 1).png", width: size, height: size, pixelSpacing: spacing,
                                       bitsStored: 12, view: "SAG", samples: samples, windowCenter: wc, windowWidth: ww))
        }

        // Reference: level centres on the mid-sagittal slice.
        let midImage = images[mid].path
        var levels: [SpineLevelReference] = []
        for (k, name) in SpineGrades.levels.enumerated() {
            let disc = layout.discs.first { $0.name == name }!
            let g = grades.levels[k]
            let c = worldToPixel.apply(disc.centre)
            let posterior = Vec2(-disc.up.y, disc.up.x)
            let canalWorld = disc.posteriorPoint + posterior * (anatomy.epidural + anatomy.narrowestDiameter(level: k) / 2 + anatomy.bulge(level: k))
            let canal = worldToPixel.apply(canalWorld)
            levels.append(SpineLevelReference(
                level: name, canalStenosis: g.stenosis, pfirrmann: g.pfirrmann,
                listhesis: ListhesisReference(percent: g.slipPercent.rounded(places: 1), meyerding: SpineGrades.meyerding(g.slipPercent)),
                center: PixelPoint(x: c.x.rounded(places: 2), y: c.y.rounded(places: 2)),
                centerMm: PixelPoint(x: (c.x * spacing).rounded(places: 2), y: (c.y * spacing).rounded(places: 2)),
                canalPoint: PixelPoint(x: canal.x.rounded(places: 2), y: canal.y.rounded(places: 2)),
                canalDiameterMm: anatomy.narrowestDiameter(level: k).rounded(places: 2),
                discHeightMm: disc.height.rounded(places: 2)))
        }
        let id = PhantomGenerator.studyId(kind: .spine, seed: seed, index: index)
        return PhantomStudy(id: id, kind: .spine, modality: .mr, bodyPart: "LSPINE",
                            patient: PhantomPatient(pseudoId: PhantomGenerator.pseudoId(seed: seed), sex: sex, ageMonths: Int(ageYears * 12)),
                            series: [PhantomSeries(id: "1", description: "SAG T2 FSE", view: "SAG", images: images)],
                            reference: PhantomReference(studyId: id, kind: .spine, generator: PhantomGenerator.name, seed: String(seed),
                                                        spine: SpineReference(midSliceImage: midImage, pixelSpacing: spacing, levels: levels)))
    }
}
