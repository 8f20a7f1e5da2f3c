/// ONNX Pow: elementwise power (the exponent may be an integer tensor) with numpy broadcasting.
enum Pow {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { BinaryOperator(kind: .pow) }
}
