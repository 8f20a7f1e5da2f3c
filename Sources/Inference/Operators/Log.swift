/// ONNX Log: pointwise natural logarithm.
enum Log {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { UnaryOperator(function: .log) }
}
