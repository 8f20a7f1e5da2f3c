/// ONNX Gelu (opset 20): approximate "none" (erf form) or "tanh".
enum Gelu {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        let mode = try Attributes(node).string("approximate", "none")
        guard mode == "none" || mode == "tanh" else { throw OperatorFailure("approximate must be \"none\" or \"tanh\", not \"\(mode)\"") }
        return UnaryOperator(function: .gelu(tanh: mode == "tanh"))
    }
}
