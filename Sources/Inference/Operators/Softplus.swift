/// ONNX Softplus: log(1 + eˣ).
enum Softplus {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { UnaryOperator(function: .softplus) }
}
