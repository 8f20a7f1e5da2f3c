/// Replaces stride-1, one-group, 2-D convolutions with kernels larger than
/// 1×1 and few output channels by `ShiftedConv` (no im2col), weights reordered
/// once here. im2col costs about C·K·P against the GEMM's M·C·K·P, so it
/// matters most when M is small: measured, DenseNet-121's 3×3 convolutions
/// (M = 32) ran 10% faster shifted, ResNet-50's (M ≥ 64) 4% slower.
extension BoundGraph {
    static let shiftedMaximumOutputChannels = 63

    mutating func useShiftedConvolutions() {
        for i in steps.indices {
            guard let conv = steps[i].op as? Conv, let x = values[steps[i].inputs[0]]?.shape,
                  let w = constants[steps[i].inputs[1]], w.dataType == .float,
                  w.shape[0] <= Self.shiftedMaximumOutputChannels,
                  let shifted = ShiftedConv.eligible(conv, x: x, w: w.shape) else { continue }
            let name = steps[i].name + "::shifted_weight"
            let taps = w.shape[2] * w.shape[3]
            constants[name] = Tensor(shape: [taps, w.shape[0], w.shape[1]],
                                     floats: ShiftedConv.reorder(w.floats, m: w.shape[0], c: w.shape[1], taps: taps))
            values[name] = ValueInfo(shape: [taps, w.shape[0], w.shape[1]])
            let old = steps[i].inputs[1]
            steps[i].op = shifted
            steps[i].opType = "Shifted" + steps[i].opType
            steps[i].inputs[1] = name
            dropConstantIfUnused(old)
        }
    }
}
