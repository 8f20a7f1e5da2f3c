/// ONNX GlobalMaxPool: maximum over all spatial positions.
enum GlobalMaxPool {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { GlobalPool(isMax: true) }
}
