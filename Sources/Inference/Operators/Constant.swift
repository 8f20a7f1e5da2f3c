/// ONNX Constant: one of value, value_float, value_floats, value_int, value_ints.
struct Constant: Operator {
    let value: Tensor

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        let a = Attributes(node)
        if let t = try a.tensor("value") { return Constant(value: t) }
        if a.has("value_float") { return Constant(value: Tensor(shape: [], floats: [try a.float("value_float", 0)])) }
        if let v = try a.floats("value_floats") { return Constant(value: Tensor(shape: [v.count], floats: v)) }
        if a.has("value_int") { return Constant(value: Tensor(shape: [], ints: [Int64(try a.int("value_int", 0))])) }
        if let v = try a.ints("value_ints") { return Constant(value: Tensor(shape: [v.count], ints: v.map { Int64($0) })) }
        if a.has("sparse_value") || a.has("value_string") || a.has("value_strings") {
            throw UnsupportedFeature("sparse or string constants")
        }
        throw OperatorFailure("no value attribute")
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] { [ValueInfo(constant: value)] }
    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        preconditionFailure("Constant is always folded when the plan is made")
    }
    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] { [value] }
}
