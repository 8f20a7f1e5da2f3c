/// ONNX MaxPool (kernel_shape, strides, pads/auto_pad, dilations, ceil_mode).
/// The Indices output and storage_order are not supported.
enum MaxPool {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        if node.outputs.count > 1 && !node.outputs[1].isEmpty { throw UnsupportedFeature("the Indices output") }
        let a = Attributes(node)
        let g = try WindowGeometry(a, kernel: nil)
        guard !g.kernel.isEmpty else { throw OperatorFailure("kernel_shape is required") }
        return PoolOperator(kind: .max, geometry: g)
    }
}
