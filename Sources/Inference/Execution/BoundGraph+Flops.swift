/// Multiply-adds counted as two FLOPs, for Conv, ConvTranspose, Gemm and MatMul
/// (the rest is negligible in CNNs and not counted).
extension BoundGraph {
    public var flops: Int {
        var total = 0
        for s in steps {
            let outs = s.outputs.compactMap { values[$0] }
            let ins = s.inputs.map { $0.isEmpty ? nil : values[$0] }
            guard let y = outs.first else { continue }
            switch s.op {
            case is Conv:
                if let w = ins[1] { total += 2 * y.count * (w.count / w.shape[0]) }
            case let w as WinogradConv:
                // Counted as the direct convolution it replaces, so GFLOP/s compare.
                total += 2 * y.count * w.channels * 9
            case let sc as ShiftedConv:
                total += 2 * y.count * sc.channels * sc.kernel.h * sc.kernel.w
            case is ConvTranspose:
                if let x = ins[0], let w = ins[1] { total += 2 * x.count * (w.count / w.shape[0]) }
            case let g as Gemm:
                if let a = ins[0] { total += 2 * y.count * (g.transA ? a.shape[0] : a.shape[1]) }
            case is MatMul:
                if let a = ins[0] { total += 2 * y.count * (a.shape.last ?? 1) }
            default: break
            }
        }
        return total
    }
}
