/// ONNX Div with numpy broadcasting (opset 7 on; older "broadcast" attributes are not used).
enum Div {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { BinaryOperator(kind: .div) }
}
