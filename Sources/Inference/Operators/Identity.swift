/// ONNX Identity: output 0 is input 0 (the planner lets them share a buffer).
struct Identity: Operator {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { Identity() }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        return [ValueInfo(shape: x.shape, dataType: x.dataType, constant: x.constant)]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        copyIfDistinct(inputs[0]!, outputs[0])
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        return [x]
    }

    var isAlias: Bool { true }
}

/// Alias operators copy only when the planner could not share the buffer
/// (graph inputs and outputs keep their own).
func copyIfDistinct(_ x: TensorView, _ y: TensorView) {
    if x.data != y.data { y.data.update(from: x.data, count: y.count) }
}
