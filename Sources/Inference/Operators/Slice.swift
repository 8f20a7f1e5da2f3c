/// ONNX Slice: starts, ends, axes and steps as constant inputs from opset 10
/// (attributes before), clamped as the specification says; negative steps
/// walk backwards. Runs as a strided copy.
struct Slice: Operator {
    /// Opset < 10: starts, ends, axes attributes.
    let attributeRanges: (starts: [Int], ends: [Int], axes: [Int]?)?
    /// Set when the plan is made (`bound(to:)`).
    var resolved: Plan? = nil

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        guard opset < 10 else { return Slice(attributeRanges: nil) }
        let a = Attributes(node)
        guard let s = try a.ints("starts"), let e = try a.ints("ends") else { throw OperatorFailure("attributes starts and ends are required") }
        return Slice(attributeRanges: (s, e, try a.ints("axes")))
    }

    var parameterInputs: Set<Int> { [1, 2, 3, 4] }

    /// Per axis of the input: first index, step and count.
    struct Plan { var start: [Int]; var step: [Int]; var shape: [Int] }

    func plan(_ x: [Int], _ inputs: [ValueInfo?]) throws -> Plan {
        func values(_ i: Int) throws -> [Int]? {
            guard inputs.count > i, let v = inputs[i] else { return nil }
            guard let c = v.constant else { throw OperatorFailure("input \(i) must be computable when the plan is made") }
            return c.int64Values.map { Int(clamping: $0) }
        }
        let starts: [Int], ends: [Int], axes: [Int]?, steps: [Int]?
        if let r = attributeRanges {
            (starts, ends, axes, steps) = (r.starts, r.ends, r.axes, nil)
        } else {
            guard let s = try values(1), let e = try values(2) else { throw OperatorFailure("needs starts and ends") }
            (starts, ends, axes, steps) = (s, e, try values(3), try values(4))
        }
        let ax = try (axes ?? Array(0..<starts.count)).map { try Shape.axis($0, rank: x.count) }
        guard ends.count == starts.count, ax.count == starts.count, (steps?.count ?? starts.count) == starts.count else {
            throw OperatorFailure("starts, ends, axes and steps must have the same length")
        }
        guard Set(ax).count == ax.count else { throw OperatorFailure("axes \(ax) repeat") }
        var plan = Plan(start: [Int](repeating: 0, count: x.count), step: [Int](repeating: 1, count: x.count), shape: x)
        for (k, a) in ax.enumerated() {
            let dim = x[a], step = steps?[k] ?? 1
            guard step != 0 else { throw OperatorFailure("step 0 on axis \(a)") }
            var s = starts[k], e = ends[k]
            if s < 0 { s = s &+ dim }
            if e < 0 { e = e &+ dim }
            if step > 0 {
                s = min(max(s, 0), dim); e = min(max(e, 0), dim)
                plan.shape[a] = e > s ? (e - s + step - 1) / step : 0
            } else {
                s = min(max(s, 0), dim - 1); e = min(max(e, -1), dim - 1)
                plan.shape[a] = s > e ? (s - e - step - 1) / -step : 0
            }
            plan.start[a] = s
            plan.step[a] = step
        }
        return plan
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        return [ValueInfo(shape: try plan(x.shape, inputs).shape, dataType: x.dataType)]
    }

    static func copy<T>(_ src: UnsafePointer<T>, shape: [Int], _ p: Plan, _ dst: UnsafeMutablePointer<T>) {
        let count = p.shape.reduce(1, *)
        guard count > 0 else { return }
        let rank = shape.count
        guard rank > 0 else { dst[0] = src[0]; return }
        let strides = Shape.strides(shape)
        var base = 0
        for d in 0..<rank { base += p.start[d] * strides[d] }
        let last = rank - 1, innerN = p.shape[last], innerS = p.step[last] * strides[last]
        var index = [Int](repeating: 0, count: rank)
        var o = 0
        while o < count {
            var off = base
            for d in 0..<last { off += index[d] * p.step[d] * strides[d] }
            for i in 0..<innerN { dst[o + i] = src[off + i * innerS] }
            o += innerN
            var d = last - 1
            while d >= 0 {
                index[d] += 1
                if index[d] < p.shape[d] { break }
                index[d] = 0
                d -= 1
            }
        }
    }

    func bound(to inputs: [ValueInfo?]) throws -> any Operator {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        var s = self
        s.resolved = try plan(x.shape, inputs)
        return s
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        guard let p = resolved else { preconditionFailure("Slice runs only after bound(to:)") }
        Self.copy(inputs[0]!.data, shape: inputs[0]!.shape, p, outputs[0].data)
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        let p = try plan(x.shape, inputs.map { $0.map(ValueInfo.init(constant:)) })
        return [x.moved(to: p.shape, { Self.copy($0, shape: x.shape, p, $1) }, { Self.copy($0, shape: x.shape, p, $1) })]
    }
}
