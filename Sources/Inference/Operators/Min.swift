/// ONNX Min: elementwise minimum of the inputs, with broadcasting.
enum Min {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { VariadicOperator(kind: .min) }
}
