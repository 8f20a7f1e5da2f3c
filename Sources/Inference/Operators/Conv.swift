/// ONNX Conv (1-, 2-, 3-D; group, dilations, strides, pads, auto_pad) with an
/// optional bias and a fused activation (set by the rewriter).
///
/// Optimized: per image and group, im2col then the engine's GEMM
/// (W[M/g, C/g·K] × cols[C/g·K, P], `KernelGEMM`); 1×1 stride-1 unpadded convolutions
/// multiply the input directly. Reference: direct loops.
struct Conv: Operator {
    var geometry: WindowGeometry
    var group: Int
    var activation: Activation = .identity

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        let a = Attributes(node)
        return Conv(geometry: try WindowGeometry(a, kernel: try a.ints("kernel_shape")), group: try a.int("group", 1))
    }

    func resolve(x: [Int], w: [Int]) throws -> WindowGeometry.Resolved {
        guard x.count >= 3, w.count == x.count else { throw OperatorFailure("X \(x) and W \(w) must have the same rank ≥ 3") }
        guard group > 0, x[1] % group == 0, w[0] % group == 0, w[1] * group == x[1] else {
            throw OperatorFailure("channels of X \(x) and W \(w) do not match group \(group)")
        }
        var g = geometry
        let kernel = Array(w[2...])
        if g.kernel.isEmpty { g.kernel = kernel }
        guard g.kernel == kernel else { throw OperatorFailure("kernel_shape \(g.kernel) differs from W \(w)") }
        try g.fill(rank: kernel.count)
        return try g.resolve(input: Array(x[2...]))
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard inputs.count >= 2, let x = inputs[0], let w = inputs[1] else { throw OperatorFailure("needs X and W") }
        let r = try resolve(x: x.shape, w: w.shape)
        if inputs.count > 2, let b = inputs[2], b.count != w.shape[0] { throw OperatorFailure("B must hold \(w.shape[0]) values") }
        return [ValueInfo(shape: [x.shape[0], w.shape[0]] + r.output)]
    }

    func isPointwise(_ g: WindowGeometry.Resolved) -> Bool {
        g.kernel.allSatisfy { $0 == 1 } && g.strides.allSatisfy { $0 == 1 }
            && g.padBegin.allSatisfy { $0 == 0 } && g.padEnd.allSatisfy { $0 == 0 }
    }

    func workspaceSize(inputs: [[Int]?], outputs: [[Int]]) -> Int {
        guard let x = inputs[0], let w = inputs[1], let g = try? resolve(x: x, w: w), !isPointwise(g) else { return 0 }
        return (x[1] / group) * g.kernel.reduce(1, *) * g.output.reduce(1, *)
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let x = inputs[0]!, w = inputs[1]!, y = outputs[0]
        let bias = inputs.count > 2 ? inputs[2] : nil
        guard let g = try? resolve(x: x.shape, w: w.shape) else { return }
        if context.kernels == .reference {
            reference(x, w, bias, y, g.as3D)
        } else {
            optimized(x, w, bias, y, g, context)
        }
    }

    private func optimized(_ x: TensorView, _ w: TensorView, _ bias: TensorView?, _ y: TensorView,
                           _ g: WindowGeometry.Resolved, _ context: ExecutionContext) {
        let n = x.shape[0], c = x.shape[1], m = w.shape[0]
        let cg = c / group, mg = m / group
        let k = cg * g.kernel.reduce(1, *)
        let inP = g.input.reduce(1, *), outP = g.output.reduce(1, *)
        let pointwise = isPointwise(g)
        let g3 = g.as3D
        for b in 0..<n {
            for grp in 0..<group {
                let src = x.data + (b * c + grp * cg) * inP
                let cols: UnsafePointer<Float>
                if pointwise {
                    cols = UnsafePointer(src)
                } else {
                    Im2col.unfold(src, channels: cg, g3, context.workspace, threads: context.threads)
                    cols = UnsafePointer(context.workspace)
                }
                context.gemm.multiply(m: mg, n: outP, k: k, a: w.data + grp * mg * k, lda: k, b: cols, ldb: outP,
                                      c: y.data + (b * m + grp * mg) * outP, ldc: outP)
            }
        }
        epilogue(bias, y, planes: n * m, channels: m, size: outP, threads: context.threads)
    }

    /// Adds the bias and applies the fused activation, one output plane per task.
    private func epilogue(_ bias: TensorView?, _ y: TensorView, planes: Int, channels: Int, size: Int, threads: Int) {
        let f = activation
        guard bias != nil || f != .identity else { return }
        parallelFor(planes, threads: threads, minChunk: max(1, 8192 / max(size, 1))) { range in
            for p in range {
                let py = y.data + p * size
                if let bias {
                    let v = bias.data[p % channels]
                    for i in 0..<size { py[i] += v }
                }
                if f != .identity { f.apply(py, py, count: size) }
            }
        }
    }

    private func reference(_ x: TensorView, _ w: TensorView, _ bias: TensorView?, _ y: TensorView, _ g: WindowGeometry.Resolved) {
        let n = x.shape[0], c = x.shape[1], m = w.shape[0]
        let cg = c / group, mg = m / group
        let (id, ih, iw) = (g.input[0], g.input[1], g.input[2])
        let (od, oh, ow) = (g.output[0], g.output[1], g.output[2])
        let (kd, kh, kw) = (g.kernel[0], g.kernel[1], g.kernel[2])
        for b in 0..<n { for oc in 0..<m {
            let grp = oc / mg
            for z in 0..<od { for yy in 0..<oh { for xx in 0..<ow {
                var s: Float = bias?.data[oc] ?? 0
                for ic in 0..<cg {
                    let cin = grp * cg + ic
                    for kz in 0..<kd { for ky in 0..<kh { for kx in 0..<kw {
                        let iz = z * g.strides[0] - g.padBegin[0] + kz * g.dilations[0]
                        let iy = yy * g.strides[1] - g.padBegin[1] + ky * g.dilations[1]
                        let ix = xx * g.strides[2] - g.padBegin[2] + kx * g.dilations[2]
                        guard iz >= 0, iz < id, iy >= 0, iy < ih, ix >= 0, ix < iw else { continue }
                        s += x.data[(((b * c + cin) * id + iz) * ih + iy) * iw + ix]
                            * w.data[(((oc * cg + ic) * kd + kz) * kh + ky) * kw + kx]
                    } } }
                }
                y.data[(((b * m + oc) * od + z) * oh + yy) * ow + xx] = activation(s)
            } } }
        } }
    }
}
