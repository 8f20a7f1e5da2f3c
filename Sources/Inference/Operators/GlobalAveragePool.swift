/// ONNX GlobalAveragePool: mean over all spatial positions.
enum GlobalAveragePool {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { GlobalPool(isMax: false) }
}
