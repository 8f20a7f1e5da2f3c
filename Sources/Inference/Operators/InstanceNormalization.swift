/// ONNX InstanceNormalization: each (image, channel) plane normalised by its
/// own mean and variance, then scale and bias per channel. Statistics in
/// float64 accumulators.
struct InstanceNormalization: Operator {
    let epsilon: Float

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        InstanceNormalization(epsilon: try Attributes(node).float("epsilon", 1e-5))
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard inputs.count == 3, let x = inputs[0], let s = inputs[1], let b = inputs[2] else { throw OperatorFailure("needs input, scale and B") }
        guard x.shape.count >= 3, s.count == x.shape[1], b.count == x.shape[1] else {
            throw OperatorFailure("scale \(s.shape) and B \(b.shape) must hold one value per channel of \(x.shape)")
        }
        return [ValueInfo(shape: x.shape)]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let x = inputs[0]!, scale = inputs[1]!, bias = inputs[2]!, y = outputs[0]
        let c = x.shape[1], plane = x.shape[2...].reduce(1, *), eps = Double(epsilon)
        parallelFor(x.shape[0] * c, threads: context.threads, minChunk: max(1, 4096 / max(plane, 1))) { range in
            for p in range {
                let px = x.data + p * plane, py = y.data + p * plane
                var s = 0.0
                for i in 0..<plane { s += Double(px[i]) }
                let m = s / Double(plane)
                var v = 0.0
                for i in 0..<plane { let d = Double(px[i]) - m; v += d * d }
                let k = Float(1 / (v / Double(plane) + eps).squareRoot()) * scale.data[p % c], mf = Float(m), b = bias.data[p % c]
                for i in 0..<plane { py[i] = (px[i] - mf) * k + b }
            }
        }
    }

    var inPlaceInput: Int? { 0 }
}
