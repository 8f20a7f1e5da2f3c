/// ONNX ReduceMax (axes as an input from opset 18).
enum ReduceMax {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        try ReduceOperator.make(node, kind: .max, axesInputFrom: 18, opset: opset)
    }
}
