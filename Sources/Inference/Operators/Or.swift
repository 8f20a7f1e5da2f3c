/// ONNX Or: logical or of bool tensors with numpy broadcasting.
enum Or {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { BinaryOperator(kind: .or) }
}
