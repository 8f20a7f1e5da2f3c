/// Per-channel Mul/Add by constants (Caffe2-converted models spell BatchNorm's
/// affine part this way) folded into the Conv or BatchNormalization before
/// them, or else turned into a BatchNormalization with mean 0, variance 1 and
/// ε 0, so activation fusion then applies.
extension BoundGraph {
    /// The constant as one value per channel of `x` (axis 1), or nil when it broadcasts otherwise.
    func perChannel(_ c: Tensor, for x: [Int]) -> [Float]? {
        guard c.dataType == .float, x.count >= 2, c.rank <= x.count else { return nil }
        let channels = x[1]
        if c.count == 1 { return [Float](repeating: c.floats[0], count: channels) }
        let padded = [Int](repeating: 1, count: x.count - c.rank) + c.shape
        guard padded[1] == channels, padded.enumerated().allSatisfy({ $0.offset == 1 || $0.element == 1 }) else { return nil }
        return c.floats
    }

    private mutating func addConstant(_ name: String, _ values: [Float]) -> String {
        constants[name] = Tensor(shape: [values.count], floats: values)
        self.values[name] = ValueInfo(shape: [values.count])
        return name
    }

    mutating func absorbChannelAffine() {
        var i = 0
        while i < steps.count {
            defer { i += 1 }
            let step = steps[i]
            guard let bin = step.op as? BinaryOperator, bin.kind == .mul || bin.kind == .add, bin.legacyAxis == nil, step.inputs.count == 2 else { continue }
            let constIndex = constants[step.inputs[1]] != nil ? 1 : (constants[step.inputs[0]] != nil ? 0 : -1)
            guard constIndex >= 0 else { continue }
            let x = step.inputs[1 - constIndex]
            guard let xInfo = values[x], xInfo.dataType == .float, xInfo.shape.count >= 2,
                  values[step.outputs[0]]?.shape == xInfo.shape,
                  let c = perChannel(constants[step.inputs[constIndex]]!, for: xInfo.shape) else { continue }
            let isMul = bin.kind == .mul
            let channels = xInfo.shape[1]
            let tag = step.name + "::affine"
            if let p = producerIndex(of: x), consumers(of: x) == 1 {
                if var conv = steps[p].op as? Conv, conv.activation == .identity, let w = constants[steps[p].inputs[1]] {
                    let per = w.count / channels
                    var newW = w.floats
                    var newB = steps[p].inputs.count > 2 && !steps[p].inputs[2].isEmpty
                        ? constants[steps[p].inputs[2]]?.floats ?? [Float](repeating: 0, count: channels)
                        : [Float](repeating: 0, count: channels)
                    for ch in 0..<channels {
                        if isMul {
                            for j in 0..<per { newW[ch * per + j] *= c[ch] }
                            newB[ch] *= c[ch]
                        } else {
                            newB[ch] += c[ch]
                        }
                    }
                    let wName = tag + "_weight"
                    constants[wName] = Tensor(shape: w.shape, floats: newW)
                    values[wName] = ValueInfo(shape: w.shape)
                    conv.activation = .identity
                    steps[p].op = conv
                    let replaced = steps[p].inputs + step.inputs
                    steps[p].inputs = [steps[p].inputs[0], wName, addConstant(tag + "_bias", newB)]
                    steps[p].outputs = [step.outputs[0]]
                    steps.remove(at: i)
                    for name in replaced { dropConstantIfUnused(name) }
                    i -= 1
                    continue
                }
                if let bn = steps[p].op as? BatchNormalization, !bn.training, bn.activation == .identity,
                   let scale = constants[steps[p].inputs[1]], let b = constants[steps[p].inputs[2]] {
                    var s = scale.floats, bb = b.floats
                    for ch in 0..<channels {
                        if isMul { s[ch] *= c[ch]; bb[ch] *= c[ch] } else { bb[ch] += c[ch] }
                    }
                    steps[p].inputs[1] = addConstant(tag + "_scale", s)
                    steps[p].inputs[2] = addConstant(tag + "_shift", bb)
                    steps[p].outputs = [step.outputs[0]]
                    steps.remove(at: i)
                    i -= 1
                    continue
                }
            }
            // No producer to fold into: an equivalent BatchNormalization (y = x·scale + B exactly).
            let ones = [Float](repeating: 1, count: channels), zeros = [Float](repeating: 0, count: channels)
            steps[i].op = BatchNormalization(epsilon: 0, momentum: 0.9, training: false)
            steps[i].opType = "BatchNormalization"
            steps[i].inputs = [x, addConstant(tag + "_scale", isMul ? c : ones), addConstant(tag + "_shift", isMul ? zeros : c),
                               addConstant(tag + "_mean", zeros), addConstant(tag + "_var", ones)]
        }
    }
}
