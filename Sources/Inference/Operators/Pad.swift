/// ONNX Pad: modes constant, reflect, edge, wrap; negative pads crop. Pads and
/// value are attributes before opset 11 and (constant) inputs from 11; `axes`
/// input from 18.
struct Pad: Operator {
    enum Mode: String, Sendable { case constant, reflect, edge, wrap }
    let mode: Mode
    let attributePads: [Int]?
    let attributeValue: Float

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        let a = Attributes(node)
        let m = try a.string("mode", "constant")
        guard let mode = Mode(rawValue: m) else { throw UnsupportedFeature("mode \(m)") }
        return Pad(mode: mode, attributePads: opset < 11 ? try a.ints(opset < 2 ? "paddings" : "pads") ?? [] : nil, attributeValue: try a.float("value", 0))
    }

    var parameterInputs: Set<Int> { [1, 3] }

    /// Begin and end pads for every axis.
    private func pads(_ inputs: [ValueInfo?], rank: Int) throws -> ([Int], [Int]) {
        var list: [Int]
        if let attributePads { list = attributePads } else {
            guard inputs.count > 1, let p = inputs[1]?.constant else { throw OperatorFailure("pads must be a constant input") }
            list = p.int64Values.map { Int($0) }
        }
        var axes = Array(0..<rank)
        if inputs.count > 3, let a = inputs[3] {
            guard let c = a.constant else { throw OperatorFailure("axes must be a constant input") }
            axes = try c.int64Values.map { try Shape.axis(Int($0), rank: rank) }
        }
        guard list.count == 2 * axes.count else { throw OperatorFailure("pads \(list) do not match \(axes.count) axes") }
        var b = [Int](repeating: 0, count: rank), e = b
        for (i, ax) in axes.enumerated() { b[ax] = list[i]; e[ax] = list[axes.count + i] }
        return (b, e)
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        let (b, e) = try pads(inputs, rank: x.shape.count)
        let shape = (0..<x.shape.count).map { x.shape[$0] + b[$0] + e[$0] }
        guard shape.allSatisfy({ $0 >= 0 }) else { throw OperatorFailure("pads crop more than the input holds") }
        if mode != .constant {
            for i in 0..<x.shape.count where (b[i] > 0 || e[i] > 0) && x.shape[i] == 0 { throw OperatorFailure("cannot pad an empty axis") }
        }
        return [ValueInfo(shape: shape, dataType: x.dataType)]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let x = inputs[0]!, y = outputs[0]
        let infos = inputs.map { $0.map { v in ValueInfo(shape: v.shape, constant: Tensor(shape: v.shape, floats: Array(v.buffer))) } }
        guard let (b, _) = try? pads(infos, rank: x.shape.count) else { return }
        let value = attributePads != nil ? attributeValue : (inputs.count > 2 ? inputs[2].map { $0.data[0] } ?? 0 : 0)
        Self.pad(x.data, shape: x.shape, begin: b, mode: mode, value: value, y.data, outShape: y.shape)
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        if x.dataType.isFloating { return try evaluateFloat(inputs) }
        let shape = try inferOutputs(inputs.map { $0.map(ValueInfo.init(constant:)) })[0].shape
        let (b, _) = try pads(inputs.map { $0.map(ValueInfo.init(constant:)) }, rank: x.rank)
        let value = attributePads != nil ? Int64(attributeValue) : (inputs.count > 2 ? inputs[2]?.int64Values.first ?? 0 : 0)
        return [x.moved(to: shape, { _, _ in }, { Self.pad($0, shape: x.shape, begin: b, mode: mode, value: value, $1, outShape: shape) })]
    }

    static func pad<T>(_ x: UnsafePointer<T>, shape: [Int], begin b: [Int], mode: Mode, value: T,
                       _ y: UnsafeMutablePointer<T>, outShape: [Int]) {
        let rank = shape.count
        let inStrides = Shape.strides(shape)
        var index = [Int](repeating: 0, count: rank)
        for o in 0..<outShape.reduce(1, *) {
            var off = 0
            var inside = true
            for d in 0..<rank {
                var c = index[d] - b[d]
                let n = shape[d]
                if c < 0 || c >= n {
                    switch mode {
                    case .constant: inside = false
                    case .edge: c = min(max(c, 0), n - 1)
                    case .wrap: c = ((c % n) + n) % n
                    case .reflect:
                        if n == 1 { c = 0 } else {
                            let period = 2 * (n - 1)
                            c = ((c % period) + period) % period
                            if c >= n { c = period - c }
                        }
                    }
                }
                off += c * inStrides[d]
            }
            y[o] = inside ? x[off] : value
            var d = rank - 1
            while d >= 0 {
                index[d] += 1
                if index[d] < outShape[d] { break }
                index[d] = 0
                d -= 1
            }
        }
    }
}
