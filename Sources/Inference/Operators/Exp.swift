/// ONNX Exp: pointwise, no attributes.
enum Exp {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        UnaryOperator(function: .exp)
    }
}
