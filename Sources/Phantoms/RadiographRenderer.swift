/// Turns a `RadiographScene` into stored pixel values the way a CR/DR chain does:
/// path lengths → attenuation → primary + scatter with heel effect and collimation →
/// detector blur → quantum noise → log → CR-style processing → readout noise → 12-bit.
struct RadiographRenderer {
    var width: Int
    var height: Int
    /// World (mm) → pixel (centre of pixel (i, j) is at (i + 0.5, j + 0.5)).
    var worldToPixel: Affine2
    var pixelSpacing: Double
    var exposure: RadiographExposure

    struct PathMaps {
        var cortex: FloatImage
        var medulla: FloatImage
        var soft: FloatImage
        var metal: FloatImage
    }

    func pixelBounds(ofWorldCorners corners: [Vec2]) -> (x0: Int, y0: Int, x1: Int, y1: Int)? {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for c in corners {
            let p = worldToPixel.apply(c)
            minX = min(minX, p.x); minY = min(minY, p.y); maxX = max(maxX, p.x); maxY = max(maxY, p.y)
        }
        let x0 = max(0, Int(minX.rounded(.down)) - 1), y0 = max(0, Int(minY.rounded(.down)) - 1)
        let x1 = min(width - 1, Int(maxX.rounded(.up)) + 1), y1 = min(height - 1, Int(maxY.rounded(.up)) + 1)
        return (x0 <= x1 && y0 <= y1) ? (x0, y0, x1, y1) : nil
    }

    /// Path-length maps of the scene (mm), the physical truth before any imaging.
    func pathMaps(_ scene: RadiographScene) -> PathMaps {
        var maps = PathMaps(cortex: FloatImage(width: width, height: height),
                            medulla: FloatImage(width: width, height: height),
                            soft: FloatImage(width: width, height: height),
                            metal: FloatImage(width: width, height: height))
        let pixelToWorld = worldToPixel.inverse
        for shape in scene.soft {
            let (lo, hi) = shape.worldBounds
            guard let box = pixelBounds(ofWorldCorners: [lo, hi, Vec2(lo.x, hi.y), Vec2(hi.x, lo.y)]) else { continue }
            for y in box.y0...box.y1 {
                for x in box.x0...box.x1 {
                    let w = pixelToWorld.apply(Vec2(Double(x) + 0.5, Double(y) + 0.5))
                    let t = Float(shape.thickness(w))
                    let i = y * width + x
                    if t > maps.soft.pixels[i] { maps.soft.pixels[i] = t }
                }
            }
        }
        for bone in scene.bones { render(bone, into: &maps, pixelToWorld: pixelToWorld) }
        // Fossae subtract bone; a path length cannot be negative.
        for i in maps.cortex.pixels.indices {
            maps.cortex.pixels[i] = max(maps.cortex.pixels[i], 0)
            maps.medulla.pixels[i] = max(maps.medulla.pixels[i], 0)
        }
        return maps
    }

    private func render(_ bone: PlacedBone, into maps: inout PathMaps, pixelToWorld: Affine2) {
        let boneToWorld = bone.placement.then(before: bone.fragmentMotion)
        let worldToBone = boneToWorld.inverse
        // Pixel box: union of each part's local bounds mapped to the world.
        var corners: [Vec2] = []
        var partInverse: [Affine2] = []
        for part in bone.parts {
            let (lo, hi) = part.shape.solid.localBounds
            let toWorld = boneToWorld.then(before: part.placement)
            for c in [lo, hi, Vec2(lo.x, hi.y), Vec2(hi.x, lo.y)] { corners.append(toWorld.apply(c)) }
            partInverse.append(part.placement.inverse)
        }
        guard let box = pixelBounds(ofWorldCorners: corners) else { return }
        let pixelToBone = worldToBone.then(before: pixelToWorld)
        let aaWidth = 0.6 * pixelSpacing
        for y in box.y0...box.y1 {
            for x in box.x0...box.x1 {
                let p = pixelToBone.apply(Vec2(Double(x) + 0.5, Double(y) + 0.5))
                var keep = 1.0
                for clip in bone.clips {
                    let d = clip.signedDistance(p)
                    if d <= -aaWidth { keep = 0; break }
                    if d < aaWidth { keep *= Math.smoothstep(-aaWidth, aaWidth, d) }
                }
                if keep == 0 { continue }
                var best = PathSample.zero
                var extra = PathSample.zero
                for (k, part) in bone.parts.enumerated() {
                    let s = part.shape.sample(partInverse[k].apply(p))
                    if part.additive {
                        extra.cortex += s.cortex; extra.medulla += s.medulla
                    } else if s.total > best.total {
                        best = s
                    }
                }
                if best.total <= 0 { continue }
                let i = y * width + x
                if bone.isMetal {
                    maps.metal.pixels[i] += Float(keep * best.total)
                } else {
                    maps.cortex.pixels[i] += Float(keep * bone.density * (best.cortex + extra.cortex))
                    maps.medulla.pixels[i] += Float(keep * bone.density * (best.medulla + extra.medulla))
                }
            }
        }
    }

    /// The complete imaging chain; returns stored values (MONOCHROME2, `bitsStored` bits).
    func render(_ scene: RadiographScene, rng: inout PhantomRandom) -> [UInt16] {
        let maps = pathMaps(scene)
        let e = exposure
        let n = width * height
        var textureRng = rng.fork(1)
        let trab = FloatImage.bandLimitedNoise(width: width, height: height,
                                               featurePx: e.trabecularFeatureMm / pixelSpacing, rng: &textureRng)
        let medium = FloatImage.bandLimitedNoise(width: width, height: height,
                                                 featurePx: 2.5 * e.trabecularFeatureMm / pixelSpacing, rng: &textureRng)
        let coarse = FloatImage.bandLimitedNoise(width: width, height: height,
                                                 featurePx: 12 / pixelSpacing, rng: &textureRng)

        // Collimation mask with a penumbra of ~1 mm, and the heel-effect gradient.
        let cx = Double(width) / 2, cy = Double(height) / 2
        let tilt = Affine2.rotation(e.collimationTilt, about: Vec2(cx, cy))
        let left = e.collimation.left * Double(width), right = Double(width) * (1 - e.collimation.right)
        let top = e.collimation.top * Double(height), bottom = Double(height) * (1 - e.collimation.bottom)
        let penumbra = max(1.0, 1.0 / pixelSpacing)
        let heelDir = Vec2(Math.cos(e.heelAngle), Math.sin(e.heelAngle))
        let halfDiag = (cx * cx + cy * cy).squareRoot()

        var primary = FloatImage(width: width, height: height)
        var field = FloatImage(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let i = y * width + x
                // Ridged noise (1 − 2|n|) draws a mesh of thin struts, closer to trabeculae than blobs.
                let tex = 0.7 * (1 - 1.6 * abs(Double(trab.pixels[i]))) + 0.5 * Double(medium.pixels[i])
                let bone = Double(maps.cortex.pixels[i] + maps.medulla.pixels[i])
                let softPath = max(Double(maps.soft.pixels[i]) - bone, 0) * (1 + 0.04 * Double(coarse.pixels[i]))
                let attenuation = e.muSoft * softPath
                    + e.muCortex * Double(maps.cortex.pixels[i])
                    + e.muCancellous * Double(maps.medulla.pixels[i]) * max(0.2, 1 + e.trabecularContrast * tex)
                    + e.muMetal * Double(maps.metal.pixels[i])
                let p = tilt.apply(Vec2(Double(x) + 0.5, Double(y) + 0.5))
                let inside = Math.smoothstep(-penumbra, penumbra, min(p.x - left, right - p.x))
                    * Math.smoothstep(-penumbra, penumbra, min(p.y - top, bottom - p.y))
                let fieldValue = 0.015 + 0.985 * inside
                let heel = 1 - e.heel * 0.5 * ((Vec2(Double(x) - cx, Double(y) - cy)).dot(heelDir) / halfDiag)
                field.pixels[i] = Float(fieldValue * heel)
                primary.pixels[i] = Float(fieldValue * heel * Math.exp(-attenuation))
            }
        }
        // Scatter: a very blurred copy of the primary, computed at low resolution.
        let factor = max(1, min(width, height) / 64)
        let scatterSmall = primary.downsampled(by: factor).blurred(sigma: 25.0 / pixelSpacing / Double(factor))
        let scatter = scatterSmall.resized(width: width, height: height)
        var detected = FloatImage(width: width, height: height)
        for i in 0..<n {
            detected.pixels[i] = primary.pixels[i] * Float(1 - e.scatterFraction)
                + Float(e.scatterFraction) * scatter.pixels[i] * min(1, field.pixels[i] * 4)
        }
        detected = detected.blurred(sigma: e.blurSigmaPx)

        // Quantum noise (Gaussian approximation of Poisson counts), then the log signal.
        var noiseRng = rng.fork(2)
        var logSignal = FloatImage(width: width, height: height)
        for i in 0..<n {
            let counts = Double(detected.pixels[i]) * e.photonsPerPixel
            let noisy = counts + counts.squareRoot() * noiseRng.gaussian()
            logSignal.pixels[i] = Float(-Math.log(max(noisy, 0.5) / e.photonsPerPixel))
        }
        // Detector noise is slightly correlated between neighbours.
        logSignal = logSignal.blurred(sigma: 0.45)

        // CR auto-ranging: map the anatomy's signal range (percentiles inside the field)
        // onto the stored range, then unsharp-mask edge enhancement.
        var inField: [Float] = []
        inField.reserveCapacity(n / 4)
        var stride = 0
        for i in 0..<n where field.pixels[i] > 0.5 {
            stride += 1
            if stride % 3 == 0 { inField.append(logSignal.pixels[i]) }
        }
        if inField.isEmpty { inField = logSignal.pixels }
        inField.sort()
        let lo = Double(inField[Int(Double(inField.count - 1) * 0.01)])
        let hi = Double(inField[Int(Double(inField.count - 1) * 0.995)])
        let span = max(hi - lo, 1e-3)
        let maxStored = Double((1 << e.bitsStored) - 1)
        var display = FloatImage(width: width, height: height)
        for i in 0..<n {
            let t = (Double(logSignal.pixels[i]) - lo) / span
            let shaped = t > 0 ? Math.pow(t, e.contrastGamma) : t
            display.pixels[i] = Float(e.lowTarget + (e.highTarget - e.lowTarget) * shaped)
        }
        let smooth = display.blurred(sigma: e.edgeRadiusMm / pixelSpacing)
        var readRng = rng.fork(3)
        var out = [UInt16](repeating: 0, count: n)
        for i in 0..<n {
            let v = Double(display.pixels[i])
            let enhanced = v + e.edgeEnhancement * (v - Double(smooth.pixels[i]))
            let stored = enhanced * maxStored + e.electronicNoise * readRng.gaussian()
            out[i] = UInt16(Math.clamp(stored.rounded(), 0, maxStored))
        }
        return out
    }
}
