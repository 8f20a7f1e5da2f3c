/// ONNX LeakyRelu: x ≥ 0 ? x : alpha·x (alpha defaults to 0.01).
enum LeakyRelu {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        UnaryOperator(function: .leakyRelu(alpha: try Attributes(node).float("alpha", 0.01)))
    }
}
