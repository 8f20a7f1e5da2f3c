/// ONNX CastLike: converts input 0 to the element type of input 1. At run time
/// only float↔float (a copy) is possible; other casts are folded at plan time.
struct CastLike: Operator {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { CastLike() }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard inputs.count == 2, let x = inputs[0], let like = inputs[1] else { throw OperatorFailure("needs input and target") }
        if x.constant == nil && x.dataType != like.dataType {
            throw OperatorFailure("cast from \(x.dataType) to \(like.dataType) at run time is not supported")
        }
        return [ValueInfo(shape: x.shape, dataType: like.dataType)]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        copyIfDistinct(inputs[0]!, outputs[0])
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard inputs.count == 2, let x = inputs[0], let like = inputs[1] else { throw OperatorFailure("needs input and target") }
        let target = like.dataType
        if target.isFloating {
            return [Tensor(shape: x.shape, floats: x.dataType.isFloating ? x.floats : x.ints.map { Float($0) })]
        }
        if target == .bool {
            let truth = x.dataType.isFloating ? x.floats.map { $0 != 0 } : x.ints.map { $0 != 0 }
            return [Tensor(shape: x.shape, ints: truth.map { $0 ? 1 : 0 }, dataType: .bool)]
        }
        let ints = x.dataType.isFloating ? x.floats.map { $0.isFinite ? Int64($0) : 0 } : x.ints
        return [Tensor(shape: x.shape, ints: ints, dataType: target)]
    }

    var isAlias: Bool { true }
}
