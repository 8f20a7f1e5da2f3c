/// ONNX BatchNormalization. Inference: y = (x − mean)/√(var + ε)·scale + B per
/// channel (axis 1), with an optional fused activation. Training mode (opset
/// 14+, training_mode=1) normalises with the batch statistics and also returns
/// the updated running mean and variance.
struct BatchNormalization: Operator {
    var epsilon: Float
    var momentum: Float
    var training: Bool
    var activation: Activation = .identity

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        let a = Attributes(node)
        if opset < 9, try a.int("spatial", 1) == 0 { throw UnsupportedFeature("spatial=0") }
        return BatchNormalization(epsilon: try a.float("epsilon", 1e-5), momentum: try a.float("momentum", 0.9),
                                  training: try opset >= 14 && a.int("training_mode", 0) != 0)
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard inputs.count == 5, let x = inputs[0], x.shape.count >= 2 else { throw OperatorFailure("needs X (rank ≥ 2), scale, B, mean, var") }
        let c = x.shape[1]
        for i in 1..<5 { guard inputs[i]?.count == c else { throw OperatorFailure("input \(i) must hold \(c) values") } }
        if training { return [ValueInfo(shape: x.shape), ValueInfo(shape: [c]), ValueInfo(shape: [c])] }
        return [ValueInfo(shape: x.shape)]
    }

    /// Per-channel multiplier and offset equivalent to the inference formula.
    static func affine(scale: UnsafePointer<Float>, bias: UnsafePointer<Float>, mean: UnsafePointer<Float>,
                       variance: UnsafePointer<Float>, epsilon: Float, channels: Int) -> ([Float], [Float]) {
        var mul = [Float](repeating: 0, count: channels), add = mul
        for ch in 0..<channels {
            mul[ch] = scale[ch] / (variance[ch] + epsilon).squareRoot()
            add[ch] = bias[ch] - mean[ch] * mul[ch]
        }
        return (mul, add)
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let x = inputs[0]!, y = outputs[0]
        let n = x.shape[0], c = x.shape[1], hw = x.shape[2...].reduce(1, *)
        var meanP = inputs[3]!.data, varP = inputs[4]!.data
        var batchMean = [Float](), batchVar = [Float]()
        if training {
            batchMean = [Float](repeating: 0, count: c)
            batchVar = batchMean
            for ch in 0..<c {
                var s: Double = 0, s2: Double = 0
                for b in 0..<n { for i in 0..<hw { let v = Double(x.data[(b * c + ch) * hw + i]); s += v; s2 += v * v } }
                let cnt = Double(n * hw)
                batchMean[ch] = Float(s / cnt)
                batchVar[ch] = Float(s2 / cnt - (s / cnt) * (s / cnt))
            }
            for ch in 0..<c {
                outputs[1].data[ch] = meanP[ch] * momentum + batchMean[ch] * (1 - momentum)
                outputs[2].data[ch] = varP[ch] * momentum + batchVar[ch] * (1 - momentum)
            }
        }
        let (mul, add): ([Float], [Float]) = batchMean.withUnsafeMutableBufferPointer { bm in
            batchVar.withUnsafeMutableBufferPointer { bv in
                if training { meanP = bm.baseAddress!; varP = bv.baseAddress! }
                return Self.affine(scale: inputs[1]!.data, bias: inputs[2]!.data, mean: meanP, variance: varP, epsilon: epsilon, channels: c)
            }
        }
        let f = activation
        parallelFor(n * c, threads: context.threads, minChunk: max(1, 4096 / max(hw, 1))) { range in
            for plane in range {
                let ch = plane % c, m = mul[ch], a = add[ch]
                let px = x.data + plane * hw, py = y.data + plane * hw
                for i in 0..<hw { py[i] = px[i] * m + a }
                if f != .identity { f.apply(py, py, count: hw) }
            }
        }
    }

    var inPlaceInput: Int? { training ? nil : 0 }
}
