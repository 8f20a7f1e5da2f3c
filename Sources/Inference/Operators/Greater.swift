/// ONNX Greater: elementwise a > b, bool out (0/1 at run time) with numpy broadcasting.
enum Greater {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { BinaryOperator(kind: .greater) }
}
