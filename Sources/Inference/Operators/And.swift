/// ONNX And: logical and of bool tensors with numpy broadcasting.
enum And {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { BinaryOperator(kind: .and) }
}
