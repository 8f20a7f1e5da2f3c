/// ONNX ConvTranspose (1-, 2-, 3-D; group, strides, dilations, pads, auto_pad,
/// output_padding, output_shape), scatter-accumulate form.
///
/// Optimized: cols[M/g·K, P_in] = Wᵀ × X per group with `cblas_sgemm`, then
/// col2im scatters the columns into the output. Reference: direct loops.
struct ConvTranspose: Operator {
    var kernelShape: [Int]?
    var strides: [Int]?
    var dilations: [Int]?
    var pads: [Int]?
    var outputPadding: [Int]?
    var outputShape: [Int]?
    var autoPad: WindowGeometry.AutoPad
    var group: Int

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        let a = Attributes(node)
        let ap = try a.string("auto_pad", "NOTSET")
        guard let mode = WindowGeometry.AutoPad(rawValue: ap) else { throw OperatorFailure("unknown auto_pad \(ap)") }
        return ConvTranspose(kernelShape: try a.ints("kernel_shape"), strides: try a.ints("strides"), dilations: try a.ints("dilations"),
                             pads: try a.ints("pads"), outputPadding: try a.ints("output_padding"),
                             outputShape: try a.ints("output_shape"), autoPad: mode, group: try a.int("group", 1))
    }

    /// Geometry with begin pads (possibly negative) and the output size.
    func resolve(x: [Int], w: [Int]) throws -> WindowGeometry.Resolved {
        guard x.count >= 3, w.count == x.count, group > 0, x[1] == w[0], x[1] % group == 0 else {
            throw OperatorFailure("X \(x) and W \(w) do not match (group \(group))")
        }
        let r = x.count - 2
        if let os = outputShape, os.count < r { throw OperatorFailure("output_shape has \(os.count) values, fewer than the \(r) spatial axes") }
        if let p = pads, p.count != 2 * r { throw OperatorFailure("pads has \(p.count) values, expected \(2 * r)") }
        let kernel = Array(w[2...])
        if let ks = kernelShape, ks != kernel { throw OperatorFailure("kernel_shape \(ks) differs from W \(w)") }
        let s = strides ?? [Int](repeating: 1, count: r)
        let d = dilations ?? [Int](repeating: 1, count: r)
        let op = outputPadding ?? [Int](repeating: 0, count: r)
        var pb = pads.map { Array($0[0..<r]) } ?? [Int](repeating: 0, count: r)
        var pe = pads.map { Array($0[r...]) } ?? [Int](repeating: 0, count: r)
        guard s.count == r, d.count == r, op.count == r, pb.count == r, pe.count == r else { throw OperatorFailure("attribute ranks differ from \(r)") }
        let input = Array(x[2...])
        var out = [Int](repeating: 0, count: r)
        for i in 0..<r {
            let full = s[i] * (input[i] - 1) + op[i] + (kernel[i] - 1) * d[i] + 1
            var target: Int?
            if let os = outputShape { target = os.count == r ? os[i] : os[os.count - r + i] }
            else if autoPad == .sameUpper || autoPad == .sameLower { target = input[i] * s[i] }
            if let t = target {
                let total = full - t
                // Python floor division, as in the ONNX reference.
                let half = Int((Double(total) / 2).rounded(.down))
                if autoPad == .sameUpper { pb[i] = half; pe[i] = total - half } else { pb[i] = total - half; pe[i] = half }
                out[i] = t
            } else {
                out[i] = full - pb[i] - pe[i]
            }
            guard out[i] > 0 else { throw OperatorFailure("output size \(out[i]) is not positive") }
        }
        return WindowGeometry.Resolved(input: input, output: out, padBegin: pb, padEnd: pe, kernel: kernel, strides: s, dilations: d)
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard inputs.count >= 2, let x = inputs[0], let w = inputs[1] else { throw OperatorFailure("needs X and W") }
        let r = try resolve(x: x.shape, w: w.shape)
        return [ValueInfo(shape: [x.shape[0], w.shape[1] * group] + r.output)]
    }

    func workspaceSize(inputs: [[Int]?], outputs: [[Int]]) -> Int {
        guard let x = inputs[0], let w = inputs[1] else { return 0 }
        return w[1] * w[2...].reduce(1, *) * x[2...].reduce(1, *)
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let x = inputs[0]!, w = inputs[1]!, y = outputs[0]
        guard let g = try? resolve(x: x.shape, w: w.shape).as3D else { return }
        let n = x.shape[0], c = x.shape[1], cg = c / group, mg = w.shape[1], m = mg * group
        let (id, ih, iw) = (g.input[0], g.input[1], g.input[2])
        let (od, oh, ow) = (g.output[0], g.output[1], g.output[2])
        let (kd, kh, kw) = (g.kernel[0], g.kernel[1], g.kernel[2])
        let kk = kd * kh * kw, inP = id * ih * iw, outP = od * oh * ow
        y.buffer.update(repeating: 0)
        /// Adds `value(channelRow, kernelIndex, inputIndex)` to every output position it lands on.
        func scatter(_ b: Int, _ grp: Int, _ value: (Int, Int, Int) -> Float) {
            // Output channels write disjoint planes: one per task.
            parallelFor(mg, threads: context.kernels == .optimized ? context.threads : 1) { range in
            for oc in range {
                let dst = y.data + (b * m + grp * mg + oc) * outP
                for kz in 0..<kd { for ky in 0..<kh { for kx in 0..<kw {
                    let kIndex = (kz * kh + ky) * kw + kx
                    for z in 0..<id {
                        let oz = z * g.strides[0] + kz * g.dilations[0] - g.padBegin[0]
                        guard oz >= 0 && oz < od else { continue }
                        for yy in 0..<ih {
                            let oy = yy * g.strides[1] + ky * g.dilations[1] - g.padBegin[1]
                            guard oy >= 0 && oy < oh else { continue }
                            for xx in 0..<iw {
                                let ox = xx * g.strides[2] + kx * g.dilations[2] - g.padBegin[2]
                                guard ox >= 0 && ox < ow else { continue }
                                dst[(oz * oh + oy) * ow + ox] += value(oc, kIndex, (z * ih + yy) * iw + xx)
                            }
                        }
                    }
                } } }
            }
            }
        }
        for b in 0..<n {
            for grp in 0..<group {
                if context.kernels == .reference {
                    scatter(b, grp) { oc, kIndex, i in
                        var s: Float = 0
                        for ic in 0..<cg {
                            s += x.data[(b * c + grp * cg + ic) * inP + i] * w.data[((grp * cg + ic) * mg + oc) * kk + kIndex]
                        }
                        return s
                    }
                } else {
                    // cols[(oc, k), i] = Σ_ic W[ic, oc, k] · X[ic, i]
                    let cols = context.workspace
                    ParallelGEMM.sgemm(transA: true, m: mg * kk, n: inP, k: cg, a: w.data + grp * cg * mg * kk, lda: mg * kk,
                                       b: x.data + (b * c + grp * cg) * inP, ldb: inP, c: cols, ldc: inP, threads: context.threads)
                    scatter(b, grp) { oc, kIndex, i in cols[(oc * kk + kIndex) * inP + i] }
                }
            }
        }
        if inputs.count > 2, let bias = inputs[2] {
            for p in 0..<(n * m) {
                let v = bias.data[p % m]
                for i in 0..<outP { y.data[p * outP + i] += v }
            }
        }
    }
}
