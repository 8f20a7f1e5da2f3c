/// ONNX MaxPool (kernel_shape, strides, pads/auto_pad, dilations, ceil_mode), with the
/// optional Indices output (int64, storage_order 0 row-major / 1 column-major).
enum MaxPool {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        let a = Attributes(node)
        let g = try WindowGeometry(a, kernel: nil)
        guard !g.kernel.isEmpty else { throw OperatorFailure("kernel_shape is required") }
        let storageOrder = try a.int("storage_order", 0)
        guard storageOrder == 0 || storageOrder == 1 else { throw OperatorFailure("storage_order must be 0 or 1, got \(storageOrder)") }
        let wantsIndices = node.outputs.count > 1 && !node.outputs[1].isEmpty
        return PoolOperator(kind: .max, geometry: g, indices: wantsIndices ? (storageOrder == 1 ? .columnMajor : .rowMajor) : nil)
    }
}
