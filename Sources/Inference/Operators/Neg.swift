/// ONNX Neg: pointwise −x (also on integer shape values).
enum Neg {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { UnaryOperator(function: .neg) }
}
