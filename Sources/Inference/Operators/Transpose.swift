/// ONNX Transpose: permutes axes (reverses them when perm is absent).
struct Transpose: Operator {
    let perm: [Int]?

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        Transpose(perm: try Attributes(node).ints("perm"))
    }

    private func permutation(rank: Int) throws -> [Int] {
        let p = perm ?? Array((0..<rank).reversed())
        guard p.count == rank, Set(p) == Set(0..<rank) else { throw OperatorFailure("perm \(p) is not a permutation of rank \(rank)") }
        return p
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        let p = try permutation(rank: x.shape.count)
        return [ValueInfo(shape: p.map { x.shape[$0] }, dataType: x.dataType)]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let x = inputs[0]!
        DataMovement.transpose(x.data, shape: x.shape, perm: (try? permutation(rank: x.shape.count)) ?? [], outputs[0].data)
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        let p = try permutation(rank: x.rank)
        return [x.moved(to: p.map { x.shape[$0] },
                        { DataMovement.transpose($0, shape: x.shape, perm: p, $1) },
                        { DataMovement.transpose($0, shape: x.shape, perm: p, $1) })]
    }
}
