/// ONNX Clip. Before opset 11 the bounds are attributes; from 11 they are
/// optional inputs (read at run time from their buffers, normally constants).
/// When min > max every element becomes max (ONNX's definition).
struct Clip: Operator {
    let attributeBounds: (min: Float, max: Float)?

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        if opset < 11 {
            let a = Attributes(node)
            return Clip(attributeBounds: (try a.float("min", -.greatestFiniteMagnitude), try a.float("max", .greatestFiniteMagnitude)))
        }
        return Clip(attributeBounds: nil)
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        for i in 1..<max(inputs.count, 1) where inputs[i].map({ $0.count != 1 }) ?? false {
            throw OperatorFailure("min and max must be scalars")
        }
        return [ValueInfo(shape: x.shape, dataType: x.dataType)]
    }

    /// The bounds as an activation, given the bound inputs' values when constant.
    func activation(min: Tensor?, max: Tensor?) -> Activation {
        if let b = attributeBounds { return .clip(min: b.min, max: b.max) }
        return .clip(min: min?.floats.first ?? -.greatestFiniteMagnitude, max: max?.floats.first ?? .greatestFiniteMagnitude)
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        var lo = -Float.greatestFiniteMagnitude, hi = Float.greatestFiniteMagnitude
        if let b = attributeBounds {
            (lo, hi) = b
        } else {
            if inputs.count > 1, let m = inputs[1] { lo = m.data[0] }
            if inputs.count > 2, let m = inputs[2] { hi = m.data[0] }
        }
        let f = Activation.clip(min: lo, max: hi)
        let x = inputs[0]!, y = outputs[0]
        parallelFor(x.count, threads: context.threads, minChunk: 16384) { r in
            f.apply(x.data + r.lowerBound, y.data + r.lowerBound, count: r.count)
        }
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        if x.dataType.isFloating {
            let f = activation(min: inputs.count > 1 ? inputs[1] : nil, max: inputs.count > 2 ? inputs[2] : nil)
            return [Tensor(shape: x.shape, floats: x.floats.map { f($0) })]
        }
        let lo = (inputs.count > 1 ? inputs[1]?.ints.first : nil) ?? Int64.min
        let hi = (inputs.count > 2 ? inputs[2]?.ints.first : nil) ?? Int64.max
        return [Tensor(shape: x.shape, ints: x.ints.map { Swift.min(Swift.max($0, lo), hi) }, dataType: x.dataType)]
    }

    var inPlaceInput: Int? { 0 }
}
