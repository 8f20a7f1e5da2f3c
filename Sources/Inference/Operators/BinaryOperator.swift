/// Shared shape of Add, Sub, Mul, Div and PRelu: numpy broadcasting; integer
/// operands (shape arithmetic) are computed when the plan is made.
struct BinaryOperator: Operator {
    let kind: BinaryKind

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard inputs.count == 2, let a = inputs[0], let b = inputs[1] else { throw OperatorFailure("needs two inputs") }
        guard a.dataType == b.dataType else { throw OperatorFailure("operand types differ (\(a.dataType), \(b.dataType))") }
        let shape = try Shape.broadcast([a.shape, b.shape])
        if kind == .prelu && shape != a.shape { throw OperatorFailure("slope \(b.shape) must broadcast to X \(a.shape)") }
        return [ValueInfo(shape: shape, dataType: kind.isComparison ? .bool : a.dataType)]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        broadcastBinary(kind, inputs[0]!, inputs[1]!, outputs[0], threads: context.threads)
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard inputs.count == 2, let a = inputs[0], let b = inputs[1] else { throw OperatorFailure("needs two inputs") }
        if a.dataType.isFloating && b.dataType.isFloating {
            return try evaluateFloat(inputs)
        }
        let info = try inferOutputs([ValueInfo(constant: a), ValueInfo(constant: b)])[0]
        var values = broadcastBinary(kind, a, b, shape: info.shape)
        values = wrap(values, to: info.dataType)
        return [Tensor(shape: info.shape, ints: values, dataType: info.dataType)]
    }

    /// Integer results wrap to the operand's width, as in C and numpy.
    private func wrap(_ v: [Int64], to type: DataType) -> [Int64] {
        switch type {
        case .int8: v.map { Int64(Int8(truncatingIfNeeded: $0)) }
        case .uint8, .bool: v.map { Int64(UInt8(truncatingIfNeeded: $0)) }
        case .int16: v.map { Int64(Int16(truncatingIfNeeded: $0)) }
        case .uint16: v.map { Int64(UInt16(truncatingIfNeeded: $0)) }
        case .int32: v.map { Int64(Int32(truncatingIfNeeded: $0)) }
        case .uint32: v.map { Int64(UInt32(truncatingIfNeeded: $0)) }
        default: v
        }
    }

    /// The output may overwrite the operand that already has the output's shape.
    var inPlaceInput: Int? { 0 }
}
