/// ONNX Abs: pointwise |x| (also on integer shape values).
enum Abs {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { UnaryOperator(function: .abs) }
}
