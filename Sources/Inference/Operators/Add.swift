/// ONNX Add with numpy broadcasting (opset 7 on; older "broadcast" attributes are not used).
enum Add {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { BinaryOperator(kind: .add) }
}
