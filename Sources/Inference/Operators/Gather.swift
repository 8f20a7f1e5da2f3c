/// ONNX Gather along `axis` (default 0) with constant indices (negative count
/// from the end). Indices are integer tensors, fixed when the plan is made.
struct Gather: Operator {
    let axis: Int

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        Gather(axis: try Attributes(node).int("axis", 0))
    }

    var parameterInputs: Set<Int> { [1] }

    private func resolve(_ data: [Int], _ indices: Tensor) throws -> (axis: Int, indices: [Int], shape: [Int]) {
        let a = try Shape.axis(axis, rank: data.count)
        let n = data[a]
        let idx = try indices.int64Values.map { i -> Int in
            let v = Int(i) < 0 ? Int(i) + n : Int(i)
            guard v >= 0 && v < n else { throw OperatorFailure("index \(i) out of range for axis of size \(n)") }
            return v
        }
        return (a, idx, Array(data[..<a]) + indices.shape + Array(data[(a + 1)...]))
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard inputs.count == 2, let x = inputs[0], let i = inputs[1] else { throw OperatorFailure("needs data and indices") }
        guard let idx = i.constant else { throw OperatorFailure("indices must be computable when the plan is made") }
        return [ValueInfo(shape: try resolve(x.shape, idx).shape, dataType: x.dataType)]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        // Indices live in the constant store as floats; they were checked at plan time.
        let x = inputs[0]!, iv = inputs[1]!
        let a = axis < 0 ? axis + x.shape.count : axis
        let n = x.shape[a]
        let idx = (0..<iv.count).map { k -> Int in let v = Int(iv.data[k]); return v < 0 ? v + n : v }
        DataMovement.gather(x.data, outer: x.shape[..<a].reduce(1, *), axisLen: n, inner: x.shape[(a + 1)...].reduce(1, *), indices: idx, outputs[0].data)
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard inputs.count == 2, let x = inputs[0], let i = inputs[1] else { throw OperatorFailure("needs data and indices") }
        let r = try resolve(x.shape, i)
        let outer = x.shape[..<r.axis].reduce(1, *), inner = x.shape[(r.axis + 1)...].reduce(1, *)
        return [x.moved(to: r.shape,
                        { DataMovement.gather($0, outer: outer, axisLen: x.shape[r.axis], inner: inner, indices: r.indices, $1) },
                        { DataMovement.gather($0, outer: outer, axisLen: x.shape[r.axis], inner: inner, indices: r.indices, $1) })]
    }
}
