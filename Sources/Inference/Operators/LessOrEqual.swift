/// ONNX LessOrEqual: elementwise a ≤ b, bool out (0/1 at run time) with numpy broadcasting.
enum LessOrEqual {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { BinaryOperator(kind: .lessOrEqual) }
}
