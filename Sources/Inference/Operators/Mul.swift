/// ONNX Mul with numpy broadcasting (opset 7 on; the older broadcast/axis attributes before).
enum Mul {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { try BinaryOperator.make(node, opset: opset, kind: .mul) }
}
