/// ONNX ConstantOfShape: a tensor of the given (constant) shape filled with
/// `value` (a one-element tensor, float 0 by default).
struct ConstantOfShape: Operator {
    let value: Tensor

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        let v = try Attributes(node).tensor("value") ?? Tensor(shape: [1], floats: [0])
        guard v.count == 1 else { throw OperatorFailure("value must hold one element") }
        return ConstantOfShape(value: v)
    }

    var parameterInputs: Set<Int> { [0] }

    func result(_ shapeTensor: Tensor) throws -> Tensor {
        let shape = shapeTensor.int64Values.map { Int($0) }
        guard shape.allSatisfy({ $0 >= 0 }) else { throw OperatorFailure("negative dimension in \(shape)") }
        let n = shape.reduce(1, *)
        if value.dataType.isFloating { return Tensor(shape: shape, floats: [Float](repeating: value.floats[0], count: n)) }
        return Tensor(shape: shape, ints: [Int64](repeating: value.ints[0], count: n), dataType: value.dataType)
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard let s = inputs.first ?? nil, let c = s.constant else { throw OperatorFailure("the shape input must be computable when the plan is made") }
        return [ValueInfo(constant: try result(c))]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        preconditionFailure("ConstantOfShape is always folded when the plan is made")
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard let shape = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        return [try result(shape)]
    }
}
