import Testing
@testable import Phantoms

@Suite struct RasterTests {
    @Test func blurPreservesMeanAndSpreadsAnImpulse() {
        var img = FloatImage(width: 41, height: 41)
        img[20, 20] = 1
        let out = img.blurred(sigma: 2)
        let total = out.pixels.reduce(0, +)
        #expect(abs(total - 1) < 1e-4)
        #expect(out[20, 20] < 0.05 && out[20, 20] > out[22, 20] && out[22, 20] > out[25, 20])
        // Separable and symmetric: the impulse response is isotropic on the axes.
        #expect(abs(out[23, 20] - out[20, 23]) < 1e-6)
    }

    /// The MR point-spread function rings at a step (Gibbs) and keeps flat areas flat.
    @Test func truncationBlurRingsAtEdges() {
        var img = FloatImage(width: 40, height: 1)
        for x in 20..<40 { img[x, 0] = 1 }
        let out = img.truncationBlurred(width: 1.2)
        #expect(out.pixels.max()! > 1.02)      // overshoot on the bright side
        #expect(out.pixels.min()! < -0.02)     // undershoot on the dark side
        #expect(abs(out[2, 0]) < 1e-4 && abs(out[37, 0] - 1) < 1e-4)
    }

    @Test func bandLimitedNoiseIsNormalisedAndSmooth() {
        var r = PhantomRandom(seed: 1)
        let n = FloatImage.bandLimitedNoise(width: 64, height: 64, featurePx: 6, rng: &r)
        let mean = n.pixels.reduce(0, +) / Float(n.pixels.count)
        #expect(abs(mean) < 1e-3)
        // Neighbouring pixels are strongly correlated; white noise would not be.
        var corr: Float = 0
        for y in 0..<64 { for x in 0..<63 { corr += n[x, y] * n[x + 1, y] } }
        #expect(corr / Float(64 * 63) > 0.8)
    }

    /// The projected path through a rod is largest just inside the cortex (tangential beam),
    /// lower in the middle (medullary cavity) and zero outside: a film's cortical "tram lines".
    @Test func rodProjectsCortexBrighterThanMedulla() {
        let rod = Rod(length: 40, halfWidths: [5, 5], cortexFractions: [0.3, 0.3], interiorDensity: [0.3, 0.3],
                      capStart: 2, capEnd: 2)
        func path(_ y: Double) -> Double { let s = rod.sample(Vec2(20, y)); return 0.21 * s.cortex + 0.075 * s.medulla }
        #expect(path(6) == 0)
        #expect(path(3.8) > path(0))
        #expect(rod.sample(Vec2(-1, 0)).total == 0 && rod.sample(Vec2(41, 0)).total == 0)
    }

    @Test func blobAreaMatchesEllipse() {
        let blob = Blob(a: 6, b: 3, depth: 4, cortex: 0.5)
        var inside = 0
        let step = 0.05
        var y = -4.0
        while y < 4 {
            var x = -7.0
            while x < 7 { if blob.sample(Vec2(x, y)).total > 0 { inside += 1 }; x += step }
            y += step
        }
        let area = Double(inside) * step * step
        #expect(abs(area - Double.pi * 18) / (Double.pi * 18) < 0.02)
    }

    @Test func affineInverseRoundTrips() {
        let m = Affine2.translation(Vec2(3, -2)).then(before: .rotation(0.7)).then(before: .scale(2.5))
        let p = Vec2(1.5, -4)
        let q = m.inverse.apply(m.apply(p))
        #expect(abs(q.x - p.x) < 1e-9 && abs(q.y - p.y) < 1e-9)
    }

    /// Rendering a single rod: anti-aliased edges, bone brighter than soft tissue, soft
    /// tissue brighter than the open field, and stored values within 12 bits.
    @Test func renderedRodIsBrighterThanSoftTissueAndField() {
        var scene = RadiographScene()
        let bone = TubularBone(name: "test", base: Vec2(-20, 0), direction: Vec2(1, 0), length: 40,
                               baseHalfWidth: 5, shaftHalfWidth: 4, headHalfWidth: 5)
        scene.bones.append(bone.placed().bone)
        scene.soft.append(.capsule(a: Vec2(-30, 0), b: Vec2(30, 0), ra: 10, rb: 10, depthRatio: 1))
        var exposure = RadiographExposure()
        exposure.collimation = (0, 0, 0, 0)
        let renderer = RadiographRenderer(width: 96, height: 64, worldToPixel: Affine2.translation(Vec2(48, 32)).then(before: .scale(1.25)),
                                          pixelSpacing: 0.8, exposure: exposure)
        var rng = PhantomRandom(seed: 4)
        let px = renderer.render(scene, rng: &rng)
        #expect(px.allSatisfy { $0 <= 4095 })
        func mean(_ x0: Int, _ x1: Int, _ y0: Int, _ y1: Int) -> Double {
            var s = 0.0, n = 0.0
            for y in y0...y1 { for x in x0...x1 { s += Double(px[y * 96 + x]); n += 1 } }
            return s / n
        }
        let boneEdge = mean(40, 56, 35, 36)       // near the cortex (y ≈ +3.5 mm)
        let soft = mean(40, 56, 41, 42)           // y ≈ +7.5 mm: soft tissue only
        let field = mean(40, 56, 58, 62)          // outside the limb
        #expect(boneEdge > soft + 100)
        #expect(soft > field + 100)
    }
}
