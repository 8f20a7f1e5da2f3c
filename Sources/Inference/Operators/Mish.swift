/// ONNX Mish: x·tanh(softplus(x)), opset 18.
enum Mish {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { UnaryOperator(function: .mish) }
}
