/// ONNX Size: the input's element count as an int64 scalar, always known when
/// the plan is made.
struct Size: Operator {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { Size() }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        return [ValueInfo(constant: Tensor(shape: [], ints: [Int64(x.count)]))]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        preconditionFailure("Size is always folded when the plan is made")
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        return [Tensor(shape: [], ints: [Int64(x.count)])]
    }
}
