/// ONNX Elu: x for x ≥ 0, alpha·(eˣ − 1) below (alpha 1 by default).
enum Elu {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        UnaryOperator(function: .elu(alpha: try Attributes(node).float("alpha", 1)))
    }
}
