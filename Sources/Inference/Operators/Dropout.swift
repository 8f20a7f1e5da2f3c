/// ONNX Dropout at inference: y = x; the optional mask output is all true.
/// Training mode with a non-zero ratio is random and refused.
struct Dropout: Operator {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { Dropout() }

    var parameterInputs: Set<Int> { [1, 2] }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        if inputs.count > 2, let training = inputs[2] {
            guard let t = training.constant else { throw OperatorFailure("training_mode must be a constant") }
            let ratio = inputs[1]?.constant?.floats.first ?? 0.5
            if t.int64Values.first ?? 0 != 0 && ratio != 0 {
                throw OperatorFailure("training mode with ratio \(ratio) is random; only inference is supported")
            }
        }
        let mask = Tensor(shape: x.shape, ints: [Int64](repeating: 1, count: x.count), dataType: .bool)
        return [ValueInfo(shape: x.shape, dataType: x.dataType, constant: x.constant), ValueInfo(constant: mask)]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        copyIfDistinct(inputs[0]!, outputs[0])
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        let infos = try inferOutputs(inputs.map { $0.map(ValueInfo.init(constant:)) })
        return [inputs[0]!, infos[1].constant!]
    }

    var isAlias: Bool { true }
}
