/// ONNX ReduceSum (axes as an input from opset 13).
enum ReduceSum {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        try ReduceOperator.make(node, kind: .sum, axesInputFrom: 13, opset: opset)
    }
}
