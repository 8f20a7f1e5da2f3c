import Foundation

/// ONNX LayerNormalization (opset 17): normalises over the axes from `axis`
/// on (default −1), then scale and optional bias; optional Mean and
/// InvStdDev outputs. Statistics in float64 accumulators per row.
struct LayerNormalization: Operator {
    let axis: Int
    let epsilon: Float

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        let a = Attributes(node)
        return LayerNormalization(axis: try a.int("axis", -1), epsilon: try a.float("epsilon", 1e-5))
    }

    func split(_ x: [Int]) throws -> (axis: Int, rows: Int, inner: Int) {
        let a = try Shape.axis(axis, rank: x.count)
        return (a, x[..<a].reduce(1, *), x[a...].reduce(1, *))
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard inputs.count >= 2, let x = inputs[0], let scale = inputs[1] else { throw OperatorFailure("needs X and Scale") }
        let (a, _, inner) = try split(x.shape)
        for (name, t) in [("Scale", scale), ("B", inputs.count > 2 ? inputs[2] : nil)] {
            guard let t else { continue }
            guard t.count == inner || t.count == 1 else { throw OperatorFailure("\(name) \(t.shape) does not match the normalised shape \(Array(x.shape[a...]))") }
        }
        let stats = Array(x.shape[..<a]) + [Int](repeating: 1, count: x.shape.count - a)
        return [ValueInfo(shape: x.shape), ValueInfo(shape: stats), ValueInfo(shape: stats)]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let x = inputs[0]!, scale = inputs[1]!, bias = inputs.count > 2 ? inputs[2] : nil
        guard let (_, rows, inner) = try? split(x.shape) else { preconditionFailure("LayerNormalization shape changed after binding") }
        let y = outputs[0]
        let mean = outputs.count > 1 && outputs[1].count == rows ? outputs[1] : nil
        let invStd = outputs.count > 2 && outputs[2].count == rows ? outputs[2] : nil
        let eps = Double(epsilon), n = Double(inner)
        let scaleAll = scale.count == 1, biasAll = bias?.count == 1
        parallelFor(rows, threads: context.threads, minChunk: max(1, 4096 / max(inner, 1))) { range in
            for r in range {
                let px = x.data + r * inner, py = y.data + r * inner
                var s = 0.0
                for i in 0..<inner { s += Double(px[i]) }
                let m = s / n
                var v = 0.0
                for i in 0..<inner { let d = Double(px[i]) - m; v += d * d }
                let inv = 1 / (v / n + eps).squareRoot()
                let mf = Float(m), invf = Float(inv)
                for i in 0..<inner {
                    let g = scale.data[scaleAll ? 0 : i], b = bias.map { $0.data[biasAll ? 0 : i] } ?? 0
                    py[i] = (px[i] - mf) * invf * g + b
                }
                mean?.data[r] = mf
                invStd?.data[r] = invf
            }
        }
    }
}
