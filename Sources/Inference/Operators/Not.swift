/// ONNX Not: logical not of a bool tensor.
enum Not {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { UnaryOperator(function: .not) }
}
