/// ONNX Sqrt: pointwise, no attributes.
enum Sqrt {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        UnaryOperator(function: .sqrt)
    }
}
