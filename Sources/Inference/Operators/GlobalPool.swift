/// Shared shape of GlobalAveragePool and GlobalMaxPool: reduce every spatial
/// position of each (batch, channel) plane to one value.
struct GlobalPool: Operator {
    let isMax: Bool

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard let x = inputs.first ?? nil, x.shape.count >= 2 else { throw OperatorFailure("needs an input of rank ≥ 2") }
        return [ValueInfo(shape: Array(x.shape[..<2]) + [Int](repeating: 1, count: x.shape.count - 2))]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let x = inputs[0]!, y = outputs[0]
        let planes = x.shape[0] * x.shape[1], hw = x.shape[2...].reduce(1, *)
        let isMax = self.isMax
        parallelFor(planes, threads: context.threads, minChunk: max(1, 8192 / max(hw, 1))) { range in
            for p in range {
                let s = x.data + p * hw
                if isMax {
                    var m = -Float.infinity
                    for i in 0..<hw { m = max(m, s[i]) }
                    y.data[p] = m
                } else {
                    var acc: Float = 0
                    for i in 0..<hw { acc += s[i] }
                    y.data[p] = acc / Float(hw)
                }
            }
        }
    }
}
