/// ONNX Tanh: pointwise, no attributes.
enum Tanh {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        UnaryOperator(function: .tanh)
    }
}
