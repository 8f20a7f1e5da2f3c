/// ONNX Less: elementwise a < b with broadcasting; bool out (0/1 at run time).
enum Less {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { BinaryOperator(kind: .less) }
}
