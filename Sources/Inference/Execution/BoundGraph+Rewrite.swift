/// Graph rewrites applied after shape inference:
/// - per-channel constant Mul/Add folded into the Conv or BatchNormalization
///   before them (`absorbChannelAffine`);
/// - BatchNormalization whose input is a Conv with constant weights, used only
///   by it, is folded into the Conv's weights and bias;
/// - Relu, LeakyRelu, Clip (constant bounds), Sigmoid, Tanh, HardSigmoid and
///   HardSwish following a Conv, Gemm, inference BatchNormalization or Sum
///   used only by them are fused into it as an epilogue.
extension BoundGraph {
    mutating func rewrite() {
        foldBatchNormIntoConv()
        absorbChannelAffine()
        foldBatchNormIntoConv()
        fuseActivations()
        pruneDeadSteps()
        pruneUnusedConstants()
    }

    /// Frees a constant no step or output uses any more (weights replaced by folding).
    mutating func dropConstantIfUnused(_ name: String) {
        guard !name.isEmpty, constants[name] != nil, !outputs.contains(name),
              !steps.contains(where: { $0.inputs.contains(name) }) else { return }
        constants[name] = nil
    }

    /// Drops every constant no step or output reads.
    mutating func pruneUnusedConstants() {
        let used = Set(steps.flatMap(\.inputs)).union(outputs)
        for name in Array(constants.keys) where !used.contains(name) { constants[name] = nil }
    }

    func consumers(of name: String) -> Int {
        steps.reduce(0) { $0 + $1.inputs.filter { $0 == name }.count } + (outputs.contains(name) ? 1 : 0)
    }

    func producerIndex(of name: String) -> Int? {
        steps.firstIndex { $0.outputs.contains(name) }
    }

    mutating func foldBatchNormIntoConv() {
        var i = 0
        while i < steps.count {
            defer { i += 1 }
            guard let bn = steps[i].op as? BatchNormalization, !bn.training, bn.activation == .identity,
                  let p = producerIndex(of: steps[i].inputs[0]), var conv = steps[p].op as? Conv,
                  consumers(of: steps[i].inputs[0]) == 1,
                  let w = constants[steps[p].inputs[1]], w.dataType == .float,
                  let scale = constants[steps[i].inputs[1]], let b = constants[steps[i].inputs[2]],
                  let mean = constants[steps[i].inputs[3]], let variance = constants[steps[i].inputs[4]] else { continue }
            let m = w.shape[0], per = w.count / m
            let oldBias = steps[p].inputs.count > 2 && !steps[p].inputs[2].isEmpty ? constants[steps[p].inputs[2]] : nil
            var newW = w.floats
            var newB = [Float](repeating: 0, count: m)
            for c in 0..<m {
                let k = scale.floats[c] / (variance.floats[c] + bn.epsilon).squareRoot()
                for j in 0..<per { newW[c * per + j] *= k }
                newB[c] = ((oldBias?.floats[c] ?? 0) - mean.floats[c]) * k + b.floats[c]
            }
            let wName = steps[p].name + "::folded_weight", bName = steps[p].name + "::folded_bias"
            constants[wName] = Tensor(shape: w.shape, floats: newW)
            constants[bName] = Tensor(shape: [m], floats: newB)
            values[wName] = ValueInfo(shape: w.shape)
            values[bName] = ValueInfo(shape: [m])
            conv.activation = .identity
            steps[p].op = conv
            let replaced = steps[p].inputs + steps[i].inputs
            steps[p].inputs = [steps[p].inputs[0], wName, bName]
            steps[p].outputs = [steps[i].outputs[0]]
            steps.remove(at: i)
            for name in replaced { dropConstantIfUnused(name) }
            i -= 1
        }
    }

    mutating func fuseActivations() {
        var i = 0
        while i < steps.count {
            defer { i += 1 }
            let step = steps[i]
            let f: Activation
            if let u = step.op as? UnaryOperator, u.function.isFusable {
                f = u.function
            } else if let c = step.op as? Clip {
                let lo = step.inputs.count > 1 && !step.inputs[1].isEmpty ? constants[step.inputs[1]] : nil
                let hi = step.inputs.count > 2 && !step.inputs[2].isEmpty ? constants[step.inputs[2]] : nil
                if (step.inputs.count > 1 && !step.inputs[1].isEmpty && lo == nil) || (step.inputs.count > 2 && !step.inputs[2].isEmpty && hi == nil) { continue }
                f = c.activation(min: lo, max: hi)
            } else { continue }
            let x = step.inputs[0]
            guard let p = producerIndex(of: x), consumers(of: x) == 1, steps[p].outputs.count == 1 || steps[p].outputs.dropFirst().allSatisfy(\.isEmpty) else { continue }
            var fused: (any Operator)?
            if var conv = steps[p].op as? Conv, conv.activation == .identity { conv.activation = f; fused = conv }
            else if var gemm = steps[p].op as? Gemm, gemm.activation == .identity { gemm.activation = f; fused = gemm }
            else if var bn = steps[p].op as? BatchNormalization, !bn.training, bn.activation == .identity { bn.activation = f; fused = bn }
            else if var sum = steps[p].op as? Sum, sum.activation == .identity { sum.activation = f; fused = sum }
            guard let op = fused else { continue }
            steps[p].op = op
            steps[p].opType += "+" + step.opType
            steps[p].outputs = [step.outputs[0]]
            steps.remove(at: i)
            i -= 1
        }
    }
}
