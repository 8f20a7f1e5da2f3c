/// Unfolds one group's input planes [C, D, H, W] into columns
/// [C·KD·KH·KW, OD·OH·OW] so a convolution becomes one GEMM.
enum Im2col {
    static func unfold(_ src: UnsafePointer<Float>, channels: Int, _ g: WindowGeometry.Resolved,
                       _ dst: UnsafeMutablePointer<Float>, threads: Int) {
        let (id, ih, iw) = (g.input[0], g.input[1], g.input[2])
        let (od, oh, ow) = (g.output[0], g.output[1], g.output[2])
        let (kd, kh, kw) = (g.kernel[0], g.kernel[1], g.kernel[2])
        let (sd, sh, sw) = (g.strides[0], g.strides[1], g.strides[2])
        let (dd, dh, dw) = (g.dilations[0], g.dilations[1], g.dilations[2])
        let (pd, ph, pw) = (g.padBegin[0], g.padBegin[1], g.padBegin[2])
        let rows = channels * kd * kh * kw
        let cols = od * oh * ow
        parallelFor(rows, threads: threads, minChunk: max(1, 32768 / max(cols, 1))) { range in
            for row in range {
                var r = row
                let kx = r % kw; r /= kw
                let ky = r % kh; r /= kh
                let kz = r % kd
                let c = r / kd
                let plane = src + c * id * ih * iw
                var out = dst + row * cols
                // Output columns whose input x is inside the image: [x0, x1).
                let offX = kx * dw - pw
                var x0 = 0
                while x0 < ow && x0 * sw + offX < 0 { x0 += 1 }
                var x1 = ow
                while x1 > x0 && (x1 - 1) * sw + offX >= iw { x1 -= 1 }
                for z in 0..<od {
                    let iz = z * sd - pd + kz * dd
                    for y in 0..<oh {
                        let iy = y * sh - ph + ky * dh
                        if iz < 0 || iz >= id || iy < 0 || iy >= ih {
                            out.update(repeating: 0, count: ow)
                        } else {
                            let line = plane + (iz * ih + iy) * iw + offX
                            if x0 > 0 { out.update(repeating: 0, count: x0) }
                            if sw == 1 {
                                (out + x0).update(from: line + x0, count: x1 - x0)
                            } else {
                                for x in x0..<x1 { out[x] = line[x * sw] }
                            }
                            if x1 < ow { (out + x1).update(repeating: 0, count: ow - x1) }
                        }
                        out += ow
                    }
                }
            }
        }
    }
}
