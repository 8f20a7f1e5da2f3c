/// Shared shape of Add, Sub, Mul, Div and PRelu: numpy broadcasting; integer
/// operands (shape arithmetic) are computed when the plan is made.
struct BinaryOperator: Operator {
    let kind: BinaryKind
    /// Opsets before 7: with broadcast=1 and `axis`, B lines up with A from
    /// that axis on (not from the end); B's shape gets trailing ones.
    var legacyAxis: Int? = nil

    /// Add, Sub, Mul and Div: numpy broadcasting from opset 7, the `broadcast`
    /// and `axis` attributes before it.
    static func make(_ node: NodeProto, opset: Int, kind: BinaryKind) throws -> any Operator {
        guard opset < 7 else { return BinaryOperator(kind: kind) }
        let a = Attributes(node)
        guard try a.int("broadcast", 0) != 0, a.has("axis") else { return BinaryOperator(kind: kind) }
        return BinaryOperator(kind: kind, legacyAxis: try a.int("axis", 0))
    }

    /// B's shape as numpy broadcasting should see it.
    func aligned(_ b: [Int], rankA: Int) throws -> [Int] {
        guard let legacyAxis else { return b }
        let axis = legacyAxis < 0 ? legacyAxis + rankA : legacyAxis
        guard axis >= 0, axis + b.count <= rankA else { throw OperatorFailure("B \(b) does not fit A's rank \(rankA) from axis \(legacyAxis)") }
        return b + [Int](repeating: 1, count: rankA - axis - b.count)
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard inputs.count == 2, let a = inputs[0], let b = inputs[1] else { throw OperatorFailure("needs two inputs") }
        // Pow's exponent may have its own type (float base, int64 exponent).
        guard a.dataType == b.dataType || kind == .pow else { throw OperatorFailure("operand types differ (\(a.dataType), \(b.dataType))") }
        let shape = try Shape.broadcast([a.shape, try aligned(b.shape, rankA: a.shape.count)])
        if kind == .prelu && shape != a.shape { throw OperatorFailure("slope \(b.shape) must broadcast to X \(a.shape)") }
        return [ValueInfo(shape: shape, dataType: kind.isComparison ? .bool : a.dataType)]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        var b = inputs[1]!
        if legacyAxis != nil {
            guard let shape = try? aligned(b.shape, rankA: inputs[0]!.shape.count) else { preconditionFailure("checked when the plan was made") }
            b = TensorView(data: b.data, shape: shape)
        }
        broadcastBinary(kind, inputs[0]!, b, outputs[0], threads: context.threads)
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard inputs.count == 2, let a = inputs[0], var b = inputs[1] else { throw OperatorFailure("needs two inputs") }
        if legacyAxis != nil { b = b.reshaped(try aligned(b.shape, rankA: a.rank)) }
        if a.dataType.isFloating && b.dataType.isFloating {
            return try BinaryOperator(kind: kind).evaluateFloat([a, b])
        }
        if kind == .pow && a.dataType.isFloating {
            return try BinaryOperator(kind: kind).evaluateFloat([a, Tensor(shape: b.shape, floats: b.ints.map { Float($0) })])
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
