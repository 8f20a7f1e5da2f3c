/// Operators that only relabel the shape of input 0 (Reshape, Flatten,
/// Squeeze, Unsqueeze): no data moves, the planner lets output share input.
protocol ReshapingOperator: Operator {
    func outputShape(_ inputs: [ValueInfo?]) throws -> [Int]
}

extension ReshapingOperator {
    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        let shape = try outputShape(inputs)
        guard shape.reduce(1, *) == x.count else { throw OperatorFailure("cannot reshape \(x.shape) to \(shape)") }
        return [ValueInfo(shape: shape, dataType: x.dataType, constant: x.constant?.reshaped(shape))]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        copyIfDistinct(inputs[0]!, outputs[0])
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        let shape = try outputShape(inputs.map { $0.map(ValueInfo.init(constant:)) })
        guard shape.reduce(1, *) == x.count else { throw OperatorFailure("cannot reshape \(x.shape) to \(shape)") }
        return [x.reshaped(shape)]
    }

    var isAlias: Bool { true }
    var parameterInputs: Set<Int> { [1] }
}

/// Axes given as an attribute (old opsets) or as a constant input (new ones).
func axesParameter(attribute: [Int]?, inputs: [ValueInfo?], index: Int) throws -> [Int]? {
    if let attribute { return attribute }
    guard inputs.count > index, let info = inputs[index] else { return nil }
    guard let c = info.constant else { throw OperatorFailure("input \(index) (axes) must be a constant") }
    return c.int64Values.map { Int($0) }
}
