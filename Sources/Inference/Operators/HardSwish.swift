/// ONNX HardSwish: pointwise, no attributes.
enum HardSwish {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        UnaryOperator(function: .hardSwish)
    }
}
