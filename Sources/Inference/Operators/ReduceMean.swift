/// ONNX ReduceMean (axes as an input from opset 18).
enum ReduceMean {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        try ReduceOperator.make(node, kind: .mean, axesInputFrom: 18, opset: opset)
    }
}
