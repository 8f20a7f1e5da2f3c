import Foundation

/// ONNX Softmax. Before opset 13 the input is coerced to 2-D at `axis`
/// (default 1) and normalised over everything after it; from 13 it is
/// normalised along `axis` alone (default -1).
struct Softmax: Operator {
    let axis: Int
    let coerced: Bool
    /// LogSoftmax.
    var log = false

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        let coerced = opset < 13
        return Softmax(axis: try Attributes(node).int("axis", coerced ? 1 : -1), coerced: coerced)
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        _ = try Shape.axis(axis, rank: x.shape.count)
        return [ValueInfo(shape: x.shape, dataType: x.dataType)]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let x = inputs[0]!, y = outputs[0]
        let a = axis < 0 ? axis + x.shape.count : axis
        let outer = x.shape[..<a].reduce(1, *)
        let n = coerced ? x.shape[a...].reduce(1, *) : x.shape[a]
        let inner = coerced ? 1 : x.shape[(a + 1)...].reduce(1, *)
        parallelFor(outer * inner, threads: context.threads, minChunk: 64) { range in
            for r in range {
                let o = r / inner, i = r % inner
                let base = o * n * inner + i
                var m = -Float.infinity
                for k in 0..<n { m = max(m, x.data[base + k * inner]) }
                var s: Float = 0
                if log {
                    for k in 0..<n { s += Foundation.exp(x.data[base + k * inner] - m) }
                    let shift = m + Foundation.log(s)
                    for k in 0..<n { y.data[base + k * inner] = x.data[base + k * inner] - shift }
                    continue
                }
                for k in 0..<n { let e = Foundation.exp(x.data[base + k * inner] - m); y.data[base + k * inner] = e; s += e }
                let inv = 1 / s
                for k in 0..<n { y.data[base + k * inner] *= inv }
            }
        }
    }

    var inPlaceInput: Int? { 0 }
}
