/// ONNX AveragePool (kernel_shape, strides, pads/auto_pad, dilations from
/// opset 19, ceil_mode, count_include_pad).
enum AveragePool {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        let a = Attributes(node)
        let g = try WindowGeometry(a, kernel: nil)
        guard !g.kernel.isEmpty else { throw OperatorFailure("kernel_shape is required") }
        return PoolOperator(kind: .average(countIncludePad: try a.int("count_include_pad", 0) != 0), geometry: g)
    }
}
