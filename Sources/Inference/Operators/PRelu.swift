/// ONNX PRelu: x ≥ 0 ? x : slope·x, slope broadcast to X (numpy rules from
/// opset 7; before, a one-axis slope is per channel, axis 1).
enum PRelu {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        BinaryOperator(kind: .prelu, legacyAxis: opset < 7 ? 1 : nil)
    }
}
