import Foundation

/// Separable resampling along one axis at a time: nearest and linear are both
/// products of 1-D rules, so an N-D resize is a sequence of 1-D passes.
enum Resampling {
    enum CoordinateMode: String, Sendable {
        case halfPixel = "half_pixel", halfPixelSymmetric = "half_pixel_symmetric", pytorchHalfPixel = "pytorch_half_pixel"
        case alignCorners = "align_corners", asymmetric, tfCropAndResize = "tf_crop_and_resize"
    }
    enum NearestMode: String, Sendable { case roundPreferFloor = "round_prefer_floor", roundPreferCeil = "round_prefer_ceil", floor, ceil }
    enum Mode: Sendable {
        case nearest(NearestMode), linear, cubic(a: Float, excludeOutside: Bool)
        /// Linear or cubic with the filter widened by 1/scale when downsampling (opset 18 antialias).
        case antialiased(cubic: Float?, excludeOutside: Bool)
    }

    /// Taps of one output position: (input index, weight) pairs, or nil for the extrapolation value.
    typealias Taps = [(Int, Float)]?

    static func taps(outputLength: Int, inputLength: Int, scale: Float, roi: (Float, Float),
                     coordinates: CoordinateMode, mode: Mode) -> [Taps] {
        (0..<outputLength).map { j -> Taps in
            let xr = Float(j)
            let x: Float
            switch coordinates {
            case .halfPixel: x = (xr + 0.5) / scale - 0.5
            case .halfPixelSymmetric:
                let adjustment = Float(outputLength) / (scale * Float(inputLength))
                let center = Float(inputLength) / 2
                x = center * (1 - adjustment) + (xr + 0.5) / scale - 0.5
            case .pytorchHalfPixel: x = outputLength > 1 ? (xr + 0.5) / scale - 0.5 : 0
            case .alignCorners: x = outputLength == 1 ? 0 : xr * Float(inputLength - 1) / Float(outputLength - 1)
            case .asymmetric: x = xr / scale
            case .tfCropAndResize:
                x = outputLength > 1
                    ? roi.0 * Float(inputLength - 1) + xr * (roi.1 - roi.0) * Float(inputLength - 1) / Float(outputLength - 1)
                    : 0.5 * (roi.0 + roi.1) * Float(inputLength - 1)
                if x < 0 || x > Float(inputLength - 1) { return nil }
            }
            switch mode {
            case .nearest(let rule):
                var i: Int
                switch rule {
                case .roundPreferFloor: i = x == x.rounded(.down) + 0.5 ? Int(x.rounded(.down)) : Int(x.rounded())
                case .roundPreferCeil: i = x == x.rounded(.down) + 0.5 ? Int(x.rounded(.up)) : Int(x.rounded())
                case .floor: i = Int(x.rounded(.down))
                case .ceil: i = Int(x.rounded(.up))
                }
                return [(min(max(i, 0), inputLength - 1), Float(1))]
            case .linear:
                let xc = min(max(x, 0), Float(inputLength - 1))
                let i0 = Int(xc.rounded(.down))
                let i1 = min(i0 + 1, inputLength - 1)
                let t = xc - Float(i0)
                return i1 == i0 ? [(i0, Float(1))] : [(i0, 1 - t), (i1, t)]
            case .antialiased(let cubicA, let excludeOutside):
                // As the ONNX reference: taps floor(x)+start … with coefficients of the
                // filter stretched by 1/scale; an integral x counts as ratio 1 from x − 1.
                let s = Swift.min(scale, 1)
                var base = Int(x.rounded(.down))
                var ratio = x - Float(base)
                if ratio == 0 { base -= 1; ratio = 1 }
                let start: Int, end: Int
                if cubicA != nil { start = Int((-2 / s).rounded(.down)) + 1; end = 2 - start } else { start = Int((-1 / s).rounded(.down)) + 1; end = 2 - start }
                func coefficient(_ d: Float) -> Float {
                    let d = abs(d)
                    guard let a = cubicA else { return Swift.max(0, 1 - d) }
                    if d <= 1 { return ((a + 2) * d - (a + 3)) * d * d + 1 }
                    if d < 2 { return ((a * d - 5 * a) * d + 8 * a) * d - 4 * a }
                    return 0
                }
                var taps: [(Int, Float)] = []
                var total: Float = 0
                for k in start..<end {
                    taps.append((base + k, coefficient((Float(k) - ratio) * s)))
                    total += taps.last!.1
                }
                taps = taps.map { ($0.0, $0.1 / total) }
                if excludeOutside {
                    taps = taps.map { ($0.0, $0.0 < 0 || $0.0 >= inputLength ? 0 : $0.1) }
                    let kept = taps.reduce(Float(0)) { $0 + $1.1 }
                    if kept != 0 { taps = taps.map { ($0.0, $0.1 / kept) } }
                }
                return taps.map { (Swift.min(Swift.max($0.0, 0), inputLength - 1), $0.1) }
            case .cubic(let a, let excludeOutside):
                // Keys' cubic convolution on the 4 neighbours; outside indices repeat the
                // edge, or (exclude_outside) drop out with the weights renormalised.
                let i0 = Int(x.rounded(.down))
                let t = x - Float(i0)
                func weight(_ d: Float) -> Float {
                    let d = abs(d)
                    if d <= 1 { return ((a + 2) * d - (a + 3)) * d * d + 1 }
                    if d < 2 { return ((a * d - 5 * a) * d + 8 * a) * d - 4 * a }
                    return 0
                }
                var taps: [(Int, Float)] = []
                var total: Float = 0
                for k in -1...2 {
                    let i = i0 + k
                    var w = weight(Float(k) - t)
                    if excludeOutside && (i < 0 || i >= inputLength) { w = 0 }
                    taps.append((min(max(i, 0), inputLength - 1), w))
                    total += w
                }
                if excludeOutside && total != 0 { taps = taps.map { ($0.0, $0.1 / total) } }
                return taps
            }
        }
    }

    /// Resamples `src` (shape `outer × inLen × inner`) into `dst` (`outer × taps.count × inner`).
    static func pass(_ src: UnsafePointer<Float>, outer: Int, inLen: Int, inner: Int, taps: [Taps], extrapolation: Float,
                     _ dst: UnsafeMutablePointer<Float>, threads: Int) {
        let outLen = taps.count
        parallelFor(outer, threads: threads, minChunk: max(1, 4096 / max(outLen * inner, 1))) { range in
            for o in range {
                for (j, tap) in taps.enumerated() {
                    let d = dst + (o * outLen + j) * inner
                    guard let tap else { d.update(repeating: extrapolation, count: inner); continue }
                    let (i0, w0) = tap[0]
                    let s0 = src + (o * inLen + i0) * inner
                    if tap.count == 1 {
                        d.update(from: s0, count: inner)
                    } else if tap.count == 2 {
                        let (i1, w1) = tap[1]
                        let s1 = src + (o * inLen + i1) * inner
                        for k in 0..<inner { d[k] = s0[k] * w0 + s1[k] * w1 }
                    } else {
                        for k in 0..<inner { d[k] = s0[k] * w0 }
                        for (i, w) in tap.dropFirst() {
                            let s = src + (o * inLen + i) * inner
                            for k in 0..<inner { d[k] += s[k] * w }
                        }
                    }
                }
            }
        }
    }
}
