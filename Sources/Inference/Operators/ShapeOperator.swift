/// ONNX Shape (with start/end from opset 15): the input's shape as int64,
/// always known when the plan is made.
struct ShapeOperator: Operator {
    let start: Int
    let end: Int?

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        let a = Attributes(node)
        return ShapeOperator(start: try a.int("start", 0), end: a.has("end") ? try a.int("end", 0) : nil)
    }

    func result(_ shape: [Int]) -> Tensor {
        let r = shape.count
        func clamp(_ v: Int) -> Int { min(max(v < 0 ? v + r : v, 0), r) }
        let s = clamp(start), e = clamp(end ?? r)
        let dims = s < e ? shape[s..<e].map { Int64($0) } : []
        return Tensor(shape: [dims.count], ints: dims)
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        return [ValueInfo(constant: result(x.shape))]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        preconditionFailure("Shape is always folded when the plan is made")
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        return [result(x.shape)]
    }
}
