/// ONNX Shrink: x + bias below −lambd, x − bias above lambd, 0 between (lambd 0.5, bias 0).
enum Shrink {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        let a = Attributes(node)
        return UnaryOperator(function: .shrink(lambda: try a.float("lambd", 0.5), bias: try a.float("bias", 0)))
    }
}
