/// Max and average pooling over 1-, 2- or 3-D windows (run as 3-D), one
/// (batch, channel) plane per task.
enum Pooling {
    enum Kind { case max, average(countIncludePad: Bool) }

    static func run(_ kind: Kind, _ x: TensorView, _ y: TensorView, _ g: WindowGeometry.Resolved, threads: Int) {
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
                                    best = max(best, v)
                                    sum += v
                                    valid += 1
                                }
                            }
                        }
                    }
                    let o = (z * oh + yy) * ow + xx
                    switch kind {
                    case .max: dst[o] = best
                    case .average(let include): dst[o] = sum / Float(max(include ? padded : valid, 1))
                    }
                } } }
            }
        }
    }
}
