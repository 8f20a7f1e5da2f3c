/// Shared shape of the pointwise operators (Relu, Sigmoid, Exp, ...): same
/// shape out as in, may run in place, threads over chunks.
struct UnaryOperator: Operator {
    let function: Activation

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs one input") }
        return [ValueInfo(shape: x.shape, dataType: x.dataType)]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let x = inputs[0]!, y = outputs[0]
        let f = function
        parallelFor(x.count, threads: context.threads, minChunk: 16384) { r in
            f.apply(x.data + r.lowerBound, y.data + r.lowerBound, count: r.count)
        }
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs one input") }
        if x.dataType.isFloating || x.dataType == .bool && function != .not { return try evaluateFloat(inputs) }
        guard function.apply(Int64(0)) != nil else { throw OperatorFailure("not defined for \(x.dataType) inputs") }
        return [Tensor(shape: x.shape, ints: x.ints.map { function.apply($0)! }, dataType: x.dataType)]
    }

    var inPlaceInput: Int? { 0 }
}
