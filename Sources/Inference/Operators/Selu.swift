/// ONNX Selu: γ·x for x > 0, γ·α·(eˣ − 1) below (α 1.67326, γ 1.0507 by default).
enum Selu {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        let a = Attributes(node)
        return UnaryOperator(function: .selu(alpha: try a.float("alpha", 1.6732632423543772848170429916717),
                                             gamma: try a.float("gamma", 1.0507009873554804934193349852946)))
    }
}
