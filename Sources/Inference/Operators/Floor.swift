/// ONNX Floor: pointwise ⌊x⌋.
enum Floor {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { UnaryOperator(function: .floor) }
}
