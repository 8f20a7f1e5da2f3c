/// ONNX Concat along `axis` (required attribute; negative counts from the end).
struct Concat: Operator {
    let axis: Int

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        let a = Attributes(node)
        // Opsets 1–3 default to axis 1; from 4 the attribute is required.
        guard a.has("axis") || opset < 4 else { throw OperatorFailure("attribute axis is required") }
        return Concat(axis: try a.int("axis", 1))
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        let xs = inputs.compactMap { $0 }
        guard let first = xs.first else { throw OperatorFailure("needs inputs") }
        guard !first.shape.isEmpty else { throw OperatorFailure("cannot concatenate scalars (rank 0)") }
        let a = try Shape.axis(axis, rank: first.shape.count)
        var shape = first.shape
        shape[a] = 0
        for x in xs {
            guard x.shape.count == first.shape.count, (0..<shape.count).allSatisfy({ $0 == a || x.shape[$0] == first.shape[$0] }) else {
                throw OperatorFailure("shapes \(xs.map(\.shape)) differ outside axis \(axis)")
            }
            shape[a] += x.shape[a]
        }
        return [ValueInfo(shape: shape, dataType: first.dataType)]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let y = outputs[0]
        let a = axis < 0 ? axis + y.shape.count : axis
        let outer = y.shape[..<a].reduce(1, *)
        let inner = y.shape[(a + 1)...].reduce(1, *)
        let dstBlock = y.shape[a] * inner
        var offset = 0
        for case let x? in inputs {
            let block = x.shape[a] * inner
            // A Concat whose input was planned straight into this slice has nothing to copy.
            if x.data != y.data + offset {
                DataMovement.concatPart(x.data, outer: outer, block: block, y.data, dstBlock: dstBlock, offset: offset)
            }
            offset += block
        }
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        let xs = inputs.compactMap { $0 }
        let info = try inferOutputs(xs.map(ValueInfo.init(constant:)))[0]
        if info.dataType.isFloating { return try evaluateFloat(inputs) }
        let a = try Shape.axis(axis, rank: info.shape.count)
        let outer = info.shape[..<a].reduce(1, *)
        let inner = info.shape[(a + 1)...].reduce(1, *)
        var out: [Int64] = []
        for o in 0..<outer {
            for x in xs {
                let block = x.shape[a] * inner
                out += x.ints[(o * block)..<((o + 1) * block)]
            }
        }
        return [Tensor(shape: info.shape, ints: out, dataType: info.dataType)]
    }
}
