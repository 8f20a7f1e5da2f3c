/// Internal operator the rewriter substitutes for stride-1 2-D convolutions
/// with one group and a kernel larger than 1×1: no im2col. The input is copied
/// once into a zero-padded buffer [C, PH, PW]; for each kernel tap (ky, kx) the
/// padded input shifted by (ky·dh, kx·dw) is itself a [C, N′] matrix (row
/// stride PH·PW), so the convolution is KH·KW accumulating GEMMs
/// Y′ += W_tap[M, C] · X_shift[C, N′] over output positions laid out with the
/// padded row pitch PW; the valid columns are then compacted into Y with bias
/// and activation. Inputs: X, weights reordered to [KH·KW, M, C], optional bias.
struct ShiftedConv: Operator {
    var kernel: (h: Int, w: Int)
    var dilation: (h: Int, w: Int)
    var pads: (top: Int, left: Int, bottom: Int, right: Int)
    var channels: Int, outputChannels: Int
    var activation: Activation

    static func eligible(_ conv: Conv, x: [Int], w: [Int]) -> ShiftedConv? {
        guard x.count == 4, w.count == 4, conv.group == 1, w[2] * w[3] > 1,
              let g = try? conv.resolve(x: x, w: w), g.strides == [1, 1] else { return nil }
        return ShiftedConv(kernel: (w[2], w[3]), dilation: (g.dilations[0], g.dilations[1]),
                           pads: (g.padBegin[0], g.padBegin[1], g.padEnd[0], g.padEnd[1]),
                           channels: w[1], outputChannels: w[0], activation: conv.activation)
    }

    /// Weights [M, C, KH, KW] → [KH·KW, M, C].
    static func reorder(_ w: [Float], m: Int, c: Int, taps: Int) -> [Float] {
        var out = [Float](repeating: 0, count: w.count)
        for o in 0..<m { for i in 0..<c { for t in 0..<taps { out[(t * m + o) * c + i] = w[(o * c + i) * taps + t] } } }
        return out
    }

    struct Layout {
        var ih: Int, iw: Int, ph: Int, pw: Int, oh: Int, ow: Int
        /// Output positions computed per channel: rows of pitch PW, the last one cut at OW.
        var columns: Int { (oh - 1) * pw + ow }
    }

    func layout(_ x: [Int]) -> Layout {
        let ph = x[2] + pads.top + pads.bottom, pw = x[3] + pads.left + pads.right
        return Layout(ih: x[2], iw: x[3], ph: ph, pw: pw,
                      oh: ph - (kernel.h - 1) * dilation.h, ow: pw - (kernel.w - 1) * dilation.w)
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard let x = inputs[0], x.shape.count == 4, x.shape[1] == channels else { throw OperatorFailure("input does not match the plan") }
        let l = layout(x.shape)
        guard l.oh > 0, l.ow > 0 else { throw OperatorFailure("kernel larger than the padded input") }
        return [ValueInfo(shape: [x.shape[0], outputChannels, l.oh, l.ow])]
    }

    func workspaceSize(inputs: [[Int]?], outputs: [[Int]]) -> Int {
        guard let x = inputs[0] else { return 0 }
        let l = layout(x)
        return channels * l.ph * l.pw + outputChannels * l.columns
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let x = inputs[0]!, w = inputs[1]!, y = outputs[0]
        let bias = inputs.count > 2 ? inputs[2] : nil
        let l = layout(x.shape)
        let c = channels, m = outputChannels, taps = kernel.h * kernel.w
        let padded = context.workspace, acc = context.workspace + c * l.ph * l.pw
        let plane = l.ph * l.pw, n = l.columns
        let f = activation
        for b in 0..<x.shape[0] {
            let src = x.data + b * c * l.ih * l.iw
            parallelFor(c, threads: context.threads, minChunk: max(1, 16384 / max(plane, 1))) { range in
                for ch in range {
                    let p = padded + ch * plane, s = src + ch * l.ih * l.iw
                    if pads.top > 0 { p.update(repeating: 0, count: pads.top * l.pw) }
                    for r in 0..<l.ih {
                        let row = p + (pads.top + r) * l.pw
                        if pads.left > 0 { row.update(repeating: 0, count: pads.left) }
                        (row + pads.left).update(from: s + r * l.iw, count: l.iw)
                        if pads.right > 0 { (row + pads.left + l.iw).update(repeating: 0, count: pads.right) }
                    }
                    if pads.bottom > 0 { (p + (pads.top + l.ih) * l.pw).update(repeating: 0, count: pads.bottom * l.pw) }
                }
            }
            for t in 0..<taps {
                let ky = t / kernel.w, kx = t % kernel.w
                let shift = ky * dilation.h * l.pw + kx * dilation.w
                context.gemm.multiply(m: m, n: n, k: c, a: w.data + t * m * c, lda: c, b: padded + shift, ldb: plane,
                                      accumulate: t > 0, c: acc, ldc: n)
            }
            let dst = y.data + b * m * l.oh * l.ow
            parallelFor(m, threads: context.threads, minChunk: max(1, 8192 / max(l.oh * l.ow, 1))) { range in
                for o in range {
                    let bv = bias?.data[o] ?? 0
                    for r in 0..<l.oh {
                        let from = acc + o * n + r * l.pw, to = dst + (o * l.oh + r) * l.ow
                        for i in 0..<l.ow { to[i] = f(from[i] + bv) }
                    }
                }
            }
        }
    }
}
