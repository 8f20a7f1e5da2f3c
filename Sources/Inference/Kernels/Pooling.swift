/// Max and average pooling over 1-, 2- or 3-D windows (run as 3-D), one
/// (batch, channel) plane per task.
enum Pooling {
    enum Kind { case max, average(countIncludePad: Bool) }

    /// `indices` (max only) receives, per output element, the flattened index into `x` of the
    /// first maximum (ONNX MaxPool's Indices): the plane offset plus the spatial position in
    /// row-major order, or with the first spatial axis fastest when `columnMajor`. The values
    /// are integers held as floats, exact while `x` has fewer than 2^24 elements.
    static func run(_ kind: Kind, _ x: TensorView, _ y: TensorView, _ g: WindowGeometry.Resolved, threads: Int,
                    flavour: KernelFlavour = .reference, indices: TensorView? = nil, columnMajor: Bool = false) {
        // The fast 2-D path does not track positions; Indices is rare enough to take the general loop.
        if indices == nil && flavour == .optimized && g.input.count == 2 && g.dilations == [1, 1] {
            return run2D(kind, x, y, g, threads: threads)
        }
        let g3 = g.as3D
        let (id, ih, iw) = (g3.input[0], g3.input[1], g3.input[2])
        let (od, oh, ow) = (g3.output[0], g3.output[1], g3.output[2])
        let planes = x.shape[0] * x.shape[1]
        let inPlane = id * ih * iw, outPlane = od * oh * ow
        parallelFor(planes, threads: threads) { range in
            for p in range {
                let src = x.data + p * inPlane, dst = y.data + p * outPlane
                for z in 0..<od { for yy in 0..<oh { for xx in 0..<ow {
                    var best = -Float.infinity, sum: Float = 0, valid = 0, padded = 0
                    var bestAt = (0, 0, 0), found = false
                    let z0 = z * g3.strides[0] - g3.padBegin[0]
                    let y0 = yy * g3.strides[1] - g3.padBegin[1]
                    let x0 = xx * g3.strides[2] - g3.padBegin[2]
                    for kz in 0..<g3.kernel[0] {
                        let iz = z0 + kz * g3.dilations[0]
                        let zIn = iz >= 0 && iz < id, zPad = iz >= -g3.padBegin[0] && iz < id + g3.padEnd[0]
                        for ky in 0..<g3.kernel[1] {
                            let iy = y0 + ky * g3.dilations[1]
                            let yIn = iy >= 0 && iy < ih, yPad = iy >= -g3.padBegin[1] && iy < ih + g3.padEnd[1]
                            for kx in 0..<g3.kernel[2] {
                                let ix = x0 + kx * g3.dilations[2]
                                let xIn = ix >= 0 && ix < iw, xPad = ix >= -g3.padBegin[2] && ix < iw + g3.padEnd[2]
                                if zPad && yPad && xPad { padded += 1 }
                                if zIn && yIn && xIn {
                                    let v = src[(iz * ih + iy) * iw + ix]
                                    // Strictly greater: the first maximum in window order wins, as in ONNX's
                                    // reference; NaN is skipped, as max() did before Indices existed.
                                    if v > best || (!found && v >= best) { best = v; bestAt = (iz, iy, ix); found = true }
                                    sum += v
                                    valid += 1
                                }
                            }
                        }
                    }
                    let o = (z * oh + yy) * ow + xx
                    switch kind {
                    case .max:
                        dst[o] = best
                        if let indices {
                            let (bz, by, bx) = bestAt
                            let spatial = columnMajor ? bz + id * (by + ih * bx) : (bz * ih + by) * iw + bx
                            indices.data[p * outPlane + o] = Float(p * inPlane + spatial)
                        }
                    case .average(let include): dst[o] = sum / Float(max(include ? padded : valid, 1))
                    }
                } } }
            }
        }
    }

    /// 2-D, undilated: window bounds clamped once per row and column, no per-tap tests.
    static func run2D(_ kind: Kind, _ x: TensorView, _ y: TensorView, _ g: WindowGeometry.Resolved, threads: Int) {
        let (ih, iw) = (g.input[0], g.input[1]), (oh, ow) = (g.output[0], g.output[1])
        let (kh, kw) = (g.kernel[0], g.kernel[1]), (sh, sw) = (g.strides[0], g.strides[1])
        let (ph, pw) = (g.padBegin[0], g.padBegin[1])
        let (eh, ew) = (ih + g.padEnd[0], iw + g.padEnd[1])
        let planes = x.shape[0] * x.shape[1]
        // Per output column: valid input range and the count_include_pad extent.
        let cols = (0..<ow).map { ox -> (Int, Int, Int) in
            let s = ox * sw - pw
            return (max(s, 0), min(s + kw, iw), min(s + kw, ew) - max(s, -pw))
        }
        parallelFor(planes, threads: threads) { range in
            for p in range {
                let src = x.data + p * ih * iw, dst = y.data + p * oh * ow
                for oy in 0..<oh {
                    let s = oy * sh - ph
                    let y0 = max(s, 0), y1 = min(s + kh, ih), padRows = min(s + kh, eh) - max(s, -ph)
                    for ox in 0..<ow {
                        let (x0, x1, padCols) = cols[ox]
                        switch kind {
                        case .max:
                            var m = -Float.infinity
                            for yy in y0..<y1 { let row = src + yy * iw; for xx in x0..<x1 { m = max(m, row[xx]) } }
                            dst[oy * ow + ox] = m
                        case .average(let include):
                            var sum: Float = 0
                            for yy in y0..<y1 { let row = src + yy * iw; for xx in x0..<x1 { sum += row[xx] } }
                            let n = include ? padRows * padCols : (y1 - y0) * (x1 - x0)
                            dst[oy * ow + ox] = sum / Float(max(n, 1))
                        }
                    }
                }
            }
        }
    }
}
