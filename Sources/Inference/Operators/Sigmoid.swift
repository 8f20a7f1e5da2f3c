/// ONNX Sigmoid: pointwise, no attributes.
enum Sigmoid {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        UnaryOperator(function: .sigmoid)
    }
}
