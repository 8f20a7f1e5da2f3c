/// ONNX Range(start, limit, delta): ⌈(limit − start) / delta⌉ values. Its
/// inputs are scalars that exporters compute from shapes, so it is always
/// folded when the plan is made.
struct RangeOperator: Operator {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { RangeOperator() }

    var parameterInputs: Set<Int> { [0, 1, 2] }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        throw OperatorFailure("start, limit and delta must be computable when the plan is made")
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        preconditionFailure("Range is always folded when the plan is made")
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard inputs.count == 3, let s = inputs[0], let l = inputs[1], let d = inputs[2], s.count == 1, l.count == 1, d.count == 1 else {
            throw OperatorFailure("needs scalar start, limit and delta")
        }
        if s.dataType.isFloating {
            let a = Double(s.floats[0]), b = Double(l.floats[0]), step = Double(d.floats[0])
            guard step != 0 else { throw OperatorFailure("delta is 0") }
            let n = max(0, Int(((b - a) / step).rounded(.up)))
            return [Tensor(shape: [n], floats: (0..<n).map { Float(a + Double($0) * step) })]
        }
        let a = s.ints[0], b = l.ints[0], step = d.ints[0]
        guard step != 0 else { throw OperatorFailure("delta is 0") }
        let span = b - a
        let n = max(0, Int((span + step + (step > 0 ? -1 : 1)) / step))
        guard n <= 1 << 26 else { throw OperatorFailure("range of \(n) values is too large") }
        return [Tensor(shape: [n], ints: (0..<n).map { a + Int64($0) * step }, dataType: s.dataType)]
    }
}
