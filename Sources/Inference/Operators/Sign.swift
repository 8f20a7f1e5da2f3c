/// ONNX Sign: −1, 0 or 1 (also on integer shape values).
enum Sign {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { UnaryOperator(function: .sign) }
}
