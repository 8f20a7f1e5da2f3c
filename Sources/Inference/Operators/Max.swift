/// ONNX Max: elementwise maximum of the inputs, with broadcasting.
enum Max {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { VariadicOperator(kind: .max) }
}
