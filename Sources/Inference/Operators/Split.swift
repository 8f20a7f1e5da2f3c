/// ONNX Split along `axis` into the node's outputs: sizes from the `split`
/// input (opset 13 on) or attribute (before), else equal parts (the last one
/// smaller when `num_outputs` does not divide the axis, opset 18).
struct Split: Operator {
    let axis: Int
    let attributeSizes: [Int]?
    let outputCount: Int

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        let a = Attributes(node)
        let n = node.outputs.count
        if a.has("num_outputs"), try a.int("num_outputs", n) != n {
            throw OperatorFailure("num_outputs \(try a.int("num_outputs", n)) differs from the node's \(n) outputs")
        }
        return Split(axis: try a.int("axis", 0), attributeSizes: opset < 13 ? try a.ints("split") : nil, outputCount: n)
    }

    var parameterInputs: Set<Int> { [1] }

    func sizes(_ x: [Int], _ inputs: [ValueInfo?]) throws -> (axis: Int, sizes: [Int]) {
        let a = try Shape.axis(axis, rank: x.count)
        let dim = x[a]
        if let given = try axesParameter(attribute: attributeSizes, inputs: inputs, index: 1) {
            guard given.count == outputCount, given.allSatisfy({ $0 >= 0 }), given.reduce(0, +) == dim else {
                throw OperatorFailure("split \(given) does not cut axis \(a) of size \(dim) into \(outputCount) parts")
            }
            return (a, given)
        }
        let part = (dim + outputCount - 1) / max(outputCount, 1)
        return (a, (0..<outputCount).map { min(part, max(0, dim - $0 * part)) })
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        let (a, s) = try sizes(x.shape, inputs)
        return s.map { n in
            var shape = x.shape
            shape[a] = n
            return ValueInfo(shape: shape, dataType: x.dataType)
        }
    }

    static func copy<T>(_ src: UnsafePointer<T>, shape: [Int], axis: Int, sizes: [Int], _ dsts: [UnsafeMutablePointer<T>]) {
        let outer = shape[..<axis].reduce(1, *), inner = shape[(axis + 1)...].reduce(1, *)
        let block = shape[axis] * inner
        var offset = 0
        for (k, n) in sizes.enumerated() {
            let part = n * inner
            for o in 0..<outer { (dsts[k] + o * part).update(from: src + o * block + offset, count: part) }
            offset += part
        }
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let x = inputs[0]!
        let a = axis < 0 ? axis + x.shape.count : axis
        Self.copy(x.data, shape: x.shape, axis: a, sizes: outputs.map { $0.shape.isEmpty ? 0 : $0.shape[a] }, outputs.map(\.data))
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        let infos = try inferOutputs(inputs.map { $0.map(ValueInfo.init(constant:)) })
        let (a, s) = try sizes(x.shape, inputs.map { $0.map(ValueInfo.init(constant:)) })
        let outer = x.shape[..<a].reduce(1, *), inner = x.shape[(a + 1)...].reduce(1, *)
        var offset = 0
        return zip(infos, s).map { info, n in
            defer { offset += n * inner }
            let start = offset
            return x.moved(to: info.shape, { src, dst in
                for o in 0..<outer { (dst + o * n * inner).update(from: src + o * x.shape[a] * inner + start, count: n * inner) }
            }, { src, dst in
                for o in 0..<outer { (dst + o * n * inner).update(from: src + o * x.shape[a] * inner + start, count: n * inner) }
            })
        }
    }
}
