/// ONNX GatherElements: out[i…] = data[i… with axis coordinate replaced by
/// indices[i…]]; indices are constant (fixed when the plan is made), negative
/// ones count from the end.
struct GatherElements: Operator {
    let axis: Int

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        GatherElements(axis: try Attributes(node).int("axis", 0))
    }

    var parameterInputs: Set<Int> { [1] }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard inputs.count == 2, let x = inputs[0], let i = inputs[1] else { throw OperatorFailure("needs data and indices") }
        let a = try Shape.axis(axis, rank: x.shape.count)
        guard i.shape.count == x.shape.count else { throw OperatorFailure("indices rank must equal data rank") }
        if let idx = i.constant {
            for v in idx.int64Values where v < -Int64(x.shape[a]) || v >= Int64(x.shape[a]) {
                throw OperatorFailure("index \(v) out of range for axis of size \(x.shape[a])")
            }
        } else {
            throw OperatorFailure("indices must be computable when the plan is made")
        }
        return [ValueInfo(shape: i.shape, dataType: x.dataType)]
    }

    static func gather<T>(_ x: UnsafePointer<T>, shape: [Int], indices: [Int], indexShape: [Int], axis a: Int, _ y: UnsafeMutablePointer<T>) {
        let xs = Shape.strides(shape), istr = Shape.strides(indexShape)
        for o in 0..<indices.count {
            var off = 0
            for d in 0..<indexShape.count {
                let coord = d == a ? (indices[o] < 0 ? indices[o] + shape[a] : indices[o]) : (o / istr[d]) % indexShape[d]
                off += coord * xs[d]
            }
            y[o] = x[off]
        }
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let x = inputs[0]!, i = inputs[1]!
        let a = axis < 0 ? axis + x.shape.count : axis
        Self.gather(x.data, shape: x.shape, indices: (0..<i.count).map { Int(i.data[$0]) }, indexShape: i.shape, axis: a, outputs[0].data)
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard inputs.count == 2, let x = inputs[0], let i = inputs[1] else { throw OperatorFailure("needs data and indices") }
        _ = try inferOutputs(inputs.map { $0.map(ValueInfo.init(constant:)) })
        let a = try Shape.axis(axis, rank: x.rank)
        let idx = i.int64Values.map { Int($0) }
        return [x.moved(to: i.shape,
                        { Self.gather($0, shape: x.shape, indices: idx, indexShape: i.shape, axis: a, $1) },
                        { Self.gather($0, shape: x.shape, indices: idx, indexShape: i.shape, axis: a, $1) })]
    }
}
