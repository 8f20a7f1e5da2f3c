/// ONNX PRelu: x ≥ 0 ? x : slope·x, slope broadcast to X.
enum PRelu {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { BinaryOperator(kind: .prelu) }
}
