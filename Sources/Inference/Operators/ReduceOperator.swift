/// Shared shape of ReduceMean, ReduceSum and ReduceMax. Axes are an attribute
/// in older opsets and an optional input from 18 (ReduceSum: from 13); no axes
/// means all axes unless noop_with_empty_axes=1.
struct ReduceOperator: Operator {
    enum Kind: Sendable { case mean, sum, max }
    let kind: Kind
    let attributeAxes: [Int]?
    let keepDims: Bool
    let noopWithEmptyAxes: Bool
    let axesFromInput: Bool

    static func make(_ node: NodeProto, kind: Kind, axesInputFrom: Int, opset: Int) throws -> any Operator {
        let a = Attributes(node)
        let fromInput = opset >= axesInputFrom
        return ReduceOperator(kind: kind, attributeAxes: fromInput ? nil : try a.ints("axes"), keepDims: try a.int("keepdims", 1) != 0,
                              noopWithEmptyAxes: try a.int("noop_with_empty_axes", 0) != 0, axesFromInput: fromInput)
    }

    var parameterInputs: Set<Int> { [1] }

    private func axes(_ inputs: [ValueInfo?], rank: Int) throws -> [Int] {
        let list = try axesParameter(attribute: attributeAxes, inputs: axesFromInput ? inputs : [], index: 1) ?? []
        if list.isEmpty { return noopWithEmptyAxes ? [] : Array(0..<rank) }
        return try Set(list.map { try Shape.axis($0, rank: rank) }).sorted()
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        let ax = Set(try axes(inputs, rank: x.shape.count))
        var shape: [Int] = []
        for (i, d) in x.shape.enumerated() {
            if ax.contains(i) { if keepDims { shape.append(1) } } else { shape.append(d) }
        }
        return [ValueInfo(shape: shape)]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let x = inputs[0]!, y = outputs[0]
        let ax = Set(inputs.count > 1 && inputs[1] != nil
                     ? (0..<inputs[1]!.count).map { let v = Int(inputs[1]!.data[$0]); return v < 0 ? v + x.shape.count : v }
                     : (attributeAxes?.map { $0 < 0 ? $0 + x.shape.count : $0 } ?? []))
        let all = ax.isEmpty ? (noopWithEmptyAxes ? Set<Int>() : Set(0..<x.shape.count)) : ax
        // Trailing axes (mean over H, W as PyTorch exports global pooling): contiguous rows.
        if context.kernels == .optimized, let first = all.min(), all == Set(first..<x.shape.count), !all.isEmpty {
            let inner = x.shape[first...].reduce(1, *), rows = x.count / max(inner, 1)
            let kind = self.kind
            parallelFor(rows, threads: context.threads, minChunk: max(1, 8192 / max(inner, 1))) { range in
                for r in range {
                    let p = x.data + r * inner
                    var acc: Float = kind == .max ? -.infinity : 0
                    if kind == .max { for i in 0..<inner { acc = max(acc, p[i]) } } else { for i in 0..<inner { acc += p[i] } }
                    y.data[r] = kind == .mean ? acc / Float(inner) : acc
                }
            }
            return
        }
        // Output strides with reduced axes pinned to 0.
        let keptShape = x.shape.enumerated().map { all.contains($0.offset) ? 1 : $0.element }
        let ks = Shape.strides(keptShape)
        let inStrides = Shape.strides(x.shape)
        let count = x.count
        for i in 0..<y.count { y.data[i] = kind == .max ? -.infinity : 0 }
        for i in 0..<count {
            var o = 0
            for d in 0..<x.shape.count where !all.contains(d) { o += ((i / inStrides[d]) % x.shape[d]) * ks[d] }
            if kind == .max { y.data[o] = max(y.data[o], x.data[i]) } else { y.data[o] += x.data[i] }
        }
        if kind == .mean {
            let n = Float(count / max(y.count, 1))
            for i in 0..<y.count { y.data[i] /= n }
        }
    }
}
