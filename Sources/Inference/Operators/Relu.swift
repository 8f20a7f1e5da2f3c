/// ONNX Relu: pointwise, no attributes.
enum Relu {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        UnaryOperator(function: .relu)
    }
}
