/// ONNX Erf: pointwise error function (PyTorch's exact GELU exports as Div, Erf, Add, Mul).
enum Erf {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { UnaryOperator(function: .erf) }
}
