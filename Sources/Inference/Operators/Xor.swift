/// ONNX Xor: logical exclusive or of bool tensors with numpy broadcasting.
enum Xor {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { BinaryOperator(kind: .xor) }
}
