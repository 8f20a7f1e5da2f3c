/// ONNX HardSigmoid: max(0, min(1, alpha·x + beta)), alpha 0.2, beta 0.5 by default.
enum HardSigmoid {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        let a = Attributes(node)
        return UnaryOperator(function: .hardSigmoid(alpha: try a.float("alpha", 0.2), beta: try a.float("beta", 0.5)))
    }
}
