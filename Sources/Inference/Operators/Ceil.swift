/// ONNX Ceil: pointwise ⌈x⌉.
enum Ceil {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { UnaryOperator(function: .ceil) }
}
