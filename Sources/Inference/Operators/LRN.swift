import Foundation

/// ONNX LRN (local response normalisation across channels), used by AlexNet,
/// ZFNet and Inception v1: y = x / (bias + alpha/size · Σ x²)^beta over the
/// channel window [c − ⌊(size−1)/2⌋, c + ⌈(size−1)/2⌉].
struct LRN: Operator {
    let alpha: Float, beta: Float, bias: Float, size: Int

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        let a = Attributes(node)
        let size = try a.int("size", 0)
        guard size > 0 else { throw OperatorFailure("attribute size is required and positive") }
        return LRN(alpha: try a.float("alpha", 1e-4), beta: try a.float("beta", 0.75), bias: try a.float("bias", 1), size: size)
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard let x = inputs.first ?? nil, x.shape.count >= 2 else { throw OperatorFailure("needs an input of rank ≥ 2") }
        return [ValueInfo(shape: x.shape)]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let x = inputs[0]!, y = outputs[0]
        let n = x.shape[0], c = x.shape[1], hw = x.shape[2...].reduce(1, *)
        let lo = (size - 1) / 2, hi = size - 1 - lo
        let k = alpha / Float(size)
        parallelFor(n * c, threads: context.threads) { range in
            for plane in range {
                let b = plane / c, ch = plane % c
                let first = max(0, ch - lo), last = min(c - 1, ch + hi)
                for i in 0..<hw {
                    var s: Float = 0
                    for cc in first...last { let v = x.data[(b * c + cc) * hw + i]; s += v * v }
                    y.data[plane * hw + i] = x.data[plane * hw + i] / Foundation.pow(bias + k * s, beta)
                }
            }
        }
    }
}
