/// Shared shape of MaxPool and AveragePool.
struct PoolOperator: Operator {
    /// Layout of MaxPool's Indices output (ONNX storage_order 0 / 1).
    enum IndexOrder: Sendable { case rowMajor, columnMajor }

    let kind: Pooling.Kind
    let geometry: WindowGeometry
    /// Set when the node asks for MaxPool's second output.
    var indices: IndexOrder? = nil

    /// Indices are int64 held as floats at run time; exact below 2^24.
    static let indexLimit = 1 << 24

    var runtimeIntegerOutputs: Set<Int> { indices == nil ? [] : [1] }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard let x = inputs.first ?? nil, x.shape.count >= 3 else { throw OperatorFailure("needs an input of rank ≥ 3") }
        let r = try geometry.resolve(input: Array(x.shape[2...]))
        let y = ValueInfo(shape: Array(x.shape[..<2]) + r.output, dataType: x.dataType)
        guard indices != nil else { return [y] }
        guard x.count < Self.indexLimit else {
            throw OperatorFailure("the Indices output needs an input of fewer than 2^24 elements, got \(x.count)")
        }
        return [y, ValueInfo(shape: y.shape, dataType: .int64)]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let x = inputs[0]!
        guard let r = try? geometry.resolve(input: Array(x.shape[2...])) else { return }
        let idx = indices != nil && outputs.count > 1 && outputs[1].count == outputs[0].count ? outputs[1] : nil
        Pooling.run(kind, x, outputs[0], r, threads: context.threads, flavour: context.kernels,
                    indices: idx, columnMajor: indices == .columnMajor)
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        guard !x.dataType.isFloating, case .max = kind else { return try evaluateFloat(inputs) }
        // Max of integers is exact in float32 up to 2^24: the uint8/int8 cases.
        guard x.ints.allSatisfy({ abs($0) < 1 << 24 }) else { throw OperatorFailure("integer values too large") }
        var outs = try evaluateFloat([Tensor(shape: x.shape, floats: x.ints.map { Float($0) })])
        outs[0] = Tensor(shape: outs[0].shape, ints: outs[0].floats.map { Int64($0) }, dataType: x.dataType)
        return outs
    }
}
