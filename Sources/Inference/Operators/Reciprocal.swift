/// ONNX Reciprocal: pointwise 1/x.
enum Reciprocal {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { UnaryOperator(function: .reciprocal) }
}
