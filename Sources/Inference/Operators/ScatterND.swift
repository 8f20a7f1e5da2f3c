/// ONNX ScatterND (reduction "none"): a copy of data with the slices named by
/// the constant indices replaced by updates. Exporters use it to build
/// attention masks (Swin), mostly from constants, so it folds at plan time.
struct ScatterND: Operator {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        let r = try Attributes(node).string("reduction", "none")
        guard r == "none" else { throw UnsupportedFeature("reduction \"\(r)\"") }
        return ScatterND()
    }

    var parameterInputs: Set<Int> { [1] }

    /// Destination offsets of each update slice, and the slice length.
    func targets(_ data: [Int], _ indices: Tensor, _ updates: [Int]) throws -> (offsets: [Int], slice: Int) {
        guard let k = indices.shape.last, k <= data.count, !indices.shape.isEmpty else { throw OperatorFailure("indices \(indices.shape) do not fit data \(data)") }
        let q = indices.shape.count
        guard updates == Array(indices.shape.dropLast()) + Array(data[k...]) else {
            throw OperatorFailure("updates \(updates) must have shape \(Array(indices.shape.dropLast()) + Array(data[k...]))")
        }
        _ = q
        let strides = Shape.strides(data), slice = data[k...].reduce(1, *)
        let idx = indices.int64Values
        return (try stride(from: 0, to: idx.count, by: max(k, 1)).map { start in
            var off = 0
            for d in 0..<k {
                var i = Int(idx[start + d])
                if i < 0 { i += data[d] }
                guard i >= 0 && i < data[d] else { throw OperatorFailure("index \(idx[start + d]) out of range for axis \(d) of size \(data[d])") }
                off += i * strides[d]
            }
            return off
        }, slice)
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard inputs.count == 3, let x = inputs[0], let i = inputs[1], let u = inputs[2] else { throw OperatorFailure("needs data, indices and updates") }
        guard let idx = i.constant else { throw OperatorFailure("indices must be computable when the plan is made") }
        _ = try targets(x.shape, idx, u.shape)
        return [ValueInfo(shape: x.shape, dataType: x.dataType)]
    }

    /// Resolved when the plan is made.
    var resolved: (offsets: [Int], slice: Int)? = nil

    func bound(to inputs: [ValueInfo?]) throws -> any Operator {
        guard inputs.count == 3, let x = inputs[0], let idx = inputs[1]?.constant, let u = inputs[2] else { throw OperatorFailure("needs data, constant indices and updates") }
        var s = self
        s.resolved = try targets(x.shape, idx, u.shape)
        return s
    }

    static func scatter<T>(_ data: UnsafePointer<T>, count: Int, _ updates: UnsafePointer<T>, _ t: (offsets: [Int], slice: Int), _ out: UnsafeMutablePointer<T>) {
        if UnsafePointer(out) != data { out.update(from: data, count: count) }
        for (n, off) in t.offsets.enumerated() { (out + off).update(from: updates + n * t.slice, count: t.slice) }
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        guard let t = resolved else { preconditionFailure("ScatterND runs only after bound(to:)") }
        Self.scatter(inputs[0]!.data, count: inputs[0]!.count, inputs[2]!.data, t, outputs[0].data)
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard inputs.count == 3, let x = inputs[0], let i = inputs[1], let u = inputs[2] else { throw OperatorFailure("needs data, indices and updates") }
        let t = try targets(x.shape, i, u.shape)
        if x.dataType.isFloating {
            var out = x.floats
            u.floats.withUnsafeBufferPointer { up in x.floats.withUnsafeBufferPointer { xp in out.withUnsafeMutableBufferPointer { op in
                Self.scatter(xp.baseAddress!, count: x.count, up.baseAddress!, t, op.baseAddress!)
            } } }
            return [Tensor(shape: x.shape, floats: out)]
        }
        var out = x.ints
        for (n, off) in t.offsets.enumerated() { for j in 0..<t.slice { out[off + j] = u.ints[n * t.slice + j] } }
        return [Tensor(shape: x.shape, ints: out, dataType: x.dataType)]
    }

    var inPlaceInput: Int? { 0 }
}
