/// Winograd F(2×2, 3×3) for stride-1, undilated 3×3 convolutions: 16
/// multiplications per 2×2 output tile and input channel instead of 36.
/// Transforms (Lavin & Gray 2016): U = G g Gᵀ (weights, once per plan),
/// V = Bᵀ d B (4×4 input tiles), M_ξ = U_ξ · V_ξ (16 GEMMs), Y = Aᵀ M A.
enum Winograd {
    /// Weights [M, C, 3, 3] → U [16, M, C].
    static func transformWeights(_ w: [Float], m: Int, c: Int) -> [Float] {
        var u = [Float](repeating: 0, count: 16 * m * c)
        for o in 0..<m {
            for i in 0..<c {
                let g = Array(w[((o * c + i) * 9)..<((o * c + i) * 9 + 9)])
                // t = G g  (4×3)
                var t = [Float](repeating: 0, count: 12)
                for col in 0..<3 {
                    let g0 = g[col], g1 = g[3 + col], g2 = g[6 + col]
                    t[col] = g0
                    t[3 + col] = 0.5 * (g0 + g1 + g2)
                    t[6 + col] = 0.5 * (g0 - g1 + g2)
                    t[9 + col] = g2
                }
                // U = t Gᵀ  (4×4)
                for row in 0..<4 {
                    let t0 = t[row * 3], t1 = t[row * 3 + 1], t2 = t[row * 3 + 2]
                    let vals = [t0, 0.5 * (t0 + t1 + t2), 0.5 * (t0 - t1 + t2), t2]
                    for col in 0..<4 { u[((row * 4 + col) * m + o) * c + i] = vals[col] }
                }
            }
        }
        return u
    }

    struct Layout {
        var c: Int, m: Int, ih: Int, iw: Int, oh: Int, ow: Int, padTop: Int, padLeft: Int
        var tilesH: Int { (oh + 1) / 2 }
        var tilesW: Int { (ow + 1) / 2 }
        var tiles: Int { tilesH * tilesW }
        /// Floats of scratch: V [16, C, T] then M [16, M, T].
        var workspace: Int { 16 * tiles * (c + m) }
    }

    /// One image: x [C, IH, IW] → y [M, OH, OW], with per-channel bias and activation.
    static func convolve(_ x: UnsafePointer<Float>, _ u: UnsafePointer<Float>, _ bias: UnsafePointer<Float>?,
                         _ y: UnsafeMutablePointer<Float>, _ l: Layout, activation: Activation,
                         workspace: UnsafeMutablePointer<Float>, gemm: KernelGEMM) {
        let t = l.tiles, c = l.c, m = l.m, threads = gemm.threads
        let v = workspace, mm = workspace + 16 * c * t
        // Input transform, one channel per task.
        parallelFor(c, threads: threads, minChunk: max(1, 2048 / max(t, 1))) { range in
            let d = UnsafeMutablePointer<Float>.allocate(capacity: 32)
            defer { d.deallocate() }
            let b = d + 16
            for ch in range {
                let plane = x + ch * l.ih * l.iw
                for ty in 0..<l.tilesH {
                    for tx in 0..<l.tilesW {
                        let y0 = ty * 2 - l.padTop, x0 = tx * 2 - l.padLeft
                        if y0 >= 0 && x0 >= 0 && y0 + 4 <= l.ih && x0 + 4 <= l.iw {
                            for r in 0..<4 { let row = plane + (y0 + r) * l.iw + x0; d[r * 4] = row[0]; d[r * 4 + 1] = row[1]; d[r * 4 + 2] = row[2]; d[r * 4 + 3] = row[3] }
                        } else {
                            for r in 0..<4 {
                                let yy = y0 + r
                                for s in 0..<4 {
                                    let xx = x0 + s
                                    d[r * 4 + s] = yy >= 0 && yy < l.ih && xx >= 0 && xx < l.iw ? plane[yy * l.iw + xx] : 0
                                }
                            }
                        }
                        // Bᵀ d (rows), then (·) B (columns).
                        for s in 0..<4 {
                            let d0 = d[s], d1 = d[4 + s], d2 = d[8 + s], d3 = d[12 + s]
                            b[s] = d0 - d2; b[4 + s] = d1 + d2; b[8 + s] = d2 - d1; b[12 + s] = d1 - d3
                        }
                        let tile = ty * l.tilesW + tx
                        for r in 0..<4 {
                            let b0 = b[r * 4], b1 = b[r * 4 + 1], b2 = b[r * 4 + 2], b3 = b[r * 4 + 3]
                            let base = (r * 4) * c * t + ch * t + tile
                            v[base] = b0 - b2
                            v[base + c * t] = b1 + b2
                            v[base + 2 * c * t] = b2 - b1
                            v[base + 3 * c * t] = b1 - b3
                        }
                    }
                }
            }
        }
        for xi in 0..<16 {
            gemm.multiply(m: m, n: t, k: c, a: u + xi * m * c, lda: c, b: v + xi * c * t, ldb: t, c: mm + xi * m * t, ldc: t)
        }
        // Output transform, one output channel per task.
        parallelFor(m, threads: threads, minChunk: max(1, 2048 / max(t, 1))) { range in
            for o in range {
                let out = y + o * l.oh * l.ow
                let bv = bias?[o] ?? 0
                for ty in 0..<l.tilesH {
                    for tx in 0..<l.tilesW {
                        let tile = ty * l.tilesW + tx
                        var q = (Float(0), Float(0), Float(0), Float(0), Float(0), Float(0), Float(0), Float(0))
                        // Aᵀ M: 2×4
                        for s in 0..<4 {
                            let m0 = mm[((0 * 4 + s) * m + o) * t + tile], m1 = mm[((1 * 4 + s) * m + o) * t + tile]
                            let m2 = mm[((2 * 4 + s) * m + o) * t + tile], m3 = mm[((3 * 4 + s) * m + o) * t + tile]
                            let top = m0 + m1 + m2, bottom = m1 - m2 - m3
                            switch s {
                            case 0: q.0 = top; q.4 = bottom
                            case 1: q.1 = top; q.5 = bottom
                            case 2: q.2 = top; q.6 = bottom
                            default: q.3 = top; q.7 = bottom
                            }
                        }
                        // (·) A: 2×2
                        let y00 = q.0 + q.1 + q.2 + bv, y01 = q.1 - q.2 - q.3 + bv
                        let y10 = q.4 + q.5 + q.6 + bv, y11 = q.5 - q.6 - q.7 + bv
                        let oy = ty * 2, ox = tx * 2
                        out[oy * l.ow + ox] = activation(y00)
                        if ox + 1 < l.ow { out[oy * l.ow + ox + 1] = activation(y01) }
                        if oy + 1 < l.oh {
                            out[(oy + 1) * l.ow + ox] = activation(y10)
                            if ox + 1 < l.ow { out[(oy + 1) * l.ow + ox + 1] = activation(y11) }
                        }
                    }
                }
            }
        }
    }
}
