/// ONNX Tile: repeats the input `repeats[d]` times along each axis.
struct Tile: Operator {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { Tile() }

    var parameterInputs: Set<Int> { [1] }

    func outputShape(_ x: [Int], _ repeats: ValueInfo?) throws -> [Int] {
        guard let r = repeats?.constant else { throw OperatorFailure("repeats must be computable when the plan is made") }
        let reps = r.int64Values.map { Int($0) }
        guard reps.count == x.count, reps.allSatisfy({ $0 >= 0 }) else { throw OperatorFailure("repeats \(reps) do not fit rank \(x.count)") }
        return zip(x, reps).map { $0 * $1 }
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard inputs.count == 2, let x = inputs[0] else { throw OperatorFailure("needs input and repeats") }
        return [ValueInfo(shape: try outputShape(x.shape, inputs[1]), dataType: x.dataType)]
    }

    static func copy<T>(_ src: UnsafePointer<T>, shape: [Int], out: [Int], _ dst: UnsafeMutablePointer<T>) {
        let count = out.reduce(1, *)
        guard count > 0 else { return }
        guard !shape.isEmpty else { dst[0] = src[0]; return }
        let strides = Shape.strides(shape), last = shape.count - 1
        var index = [Int](repeating: 0, count: shape.count)
        var o = 0
        while o < count {
            var off = 0
            for d in 0..<last { off += (index[d] % shape[d]) * strides[d] }
            for i in 0..<out[last] { dst[o + i] = src[off + i % shape[last]] }
            o += out[last]
            var d = last - 1
            while d >= 0 {
                index[d] += 1
                if index[d] < out[d] { break }
                index[d] = 0
                d -= 1
            }
        }
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        Self.copy(inputs[0]!.data, shape: inputs[0]!.shape, out: outputs[0].shape, outputs[0].data)
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard inputs.count == 2, let x = inputs[0] else { throw OperatorFailure("needs input and repeats") }
        let shape = try outputShape(x.shape, inputs[1].map(ValueInfo.init(constant:)))
        return [x.moved(to: shape, { Self.copy($0, shape: x.shape, out: shape, $1) }, { Self.copy($0, shape: x.shape, out: shape, $1) })]
    }
}
