/// ONNX Expand: broadcasts the input to the (constant) shape, numpy-style.
struct Expand: Operator {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { Expand() }

    var parameterInputs: Set<Int> { [1] }

    func outputShape(_ x: [Int], _ shape: ValueInfo?) throws -> [Int] {
        guard let s = shape?.constant else { throw OperatorFailure("the shape input must be computable when the plan is made") }
        return try Shape.broadcast([x, s.int64Values.map { Int($0) }])
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard inputs.count == 2, let x = inputs[0] else { throw OperatorFailure("needs input and shape") }
        return [ValueInfo(shape: try outputShape(x.shape, inputs[1]), dataType: x.dataType)]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        broadcastCopy(inputs[0]!, outputs[0])
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard inputs.count == 2, let x = inputs[0] else { throw OperatorFailure("needs input and shape") }
        if x.dataType.isFloating { return try evaluateFloat(inputs) }
        let shape = try outputShape(x.shape, inputs[1].map(ValueInfo.init(constant:)))
        let zero = Tensor(shape: [], ints: [0], dataType: x.dataType)
        return [Tensor(shape: shape, ints: broadcastBinary(.add, x, zero, shape: shape), dataType: x.dataType)]
    }
}
