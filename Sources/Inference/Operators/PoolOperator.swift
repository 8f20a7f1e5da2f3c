/// Shared shape of MaxPool and AveragePool.
struct PoolOperator: Operator {
    let kind: Pooling.Kind
    let geometry: WindowGeometry

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard let x = inputs.first ?? nil, x.shape.count >= 3 else { throw OperatorFailure("needs an input of rank ≥ 3") }
        let r = try geometry.resolve(input: Array(x.shape[2...]))
        return [ValueInfo(shape: Array(x.shape[..<2]) + r.output, dataType: x.dataType)]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let x = inputs[0]!
        guard let r = try? geometry.resolve(input: Array(x.shape[2...])) else { return }
        Pooling.run(kind, x, outputs[0], r, threads: context.threads, flavour: context.kernels)
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        guard !x.dataType.isFloating, case .max = kind else { return try evaluateFloat(inputs) }
        // Max of integers is exact in float32 up to 2^24: the uint8/int8 cases.
        guard x.ints.allSatisfy({ abs($0) < 1 << 24 }) else { throw OperatorFailure("integer values too large") }
        let f = try evaluateFloat([Tensor(shape: x.shape, floats: x.ints.map { Float($0) })])[0]
        return [Tensor(shape: f.shape, ints: f.floats.map { Int64($0) }, dataType: x.dataType)]
    }
}
