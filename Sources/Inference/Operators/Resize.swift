/// ONNX Resize (opset 10–22) and, through `Upsample`, Upsample: modes nearest,
/// linear and cubic (cubic_coeff_a, exclude_outside), antialias (18+), every
/// coordinate_transformation_mode and nearest_mode, sizes or scales, axes and
/// keep_aspect_ratio_policy (18+). Runs as separable 1-D passes.
struct Resize: Operator {
    enum AspectPolicy: String, Sendable { case stretch, notLarger = "not_larger", notSmaller = "not_smaller" }
    var mode: Resampling.Mode
    var coordinates: Resampling.CoordinateMode
    var extrapolation: Float
    var axes: [Int]?
    var policy: AspectPolicy
    /// Where scales and sizes come from: Resize-10 and Upsample-9 take (X, scales).
    var scalesInput: Int
    var sizesInput: Int?
    var roiInput: Int?
    /// Upsample-7 carries scales as an attribute.
    var attributeScales: [Float]?

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        let a = Attributes(node)
        let modeName = try a.string("mode", "nearest")
        let antialias = try opset >= 18 && a.int("antialias", 0) != 0
        var mode: Resampling.Mode
        switch modeName {
        case "nearest":
            let nm = opset >= 11 ? try a.string("nearest_mode", "round_prefer_floor") : "floor"
            guard let rule = Resampling.NearestMode(rawValue: nm) else { throw UnsupportedFeature("nearest_mode \(nm)") }
            mode = .nearest(rule)
        case "linear", "bilinear": mode = .linear
        case "cubic" where opset >= 11:
            mode = .cubic(a: try a.float("cubic_coeff_a", -0.75), excludeOutside: try a.int("exclude_outside", 0) != 0)
        default: throw UnsupportedFeature("mode \(modeName)")
        }
        if antialias {
            switch mode {
            case .linear: mode = .antialiased(cubic: nil, excludeOutside: try a.int("exclude_outside", 0) != 0)
            case .cubic(let ca, let ex): mode = .antialiased(cubic: ca, excludeOutside: ex)
            default: break  // nearest ignores antialias
            }
        }
        let ct = opset >= 11 ? try a.string("coordinate_transformation_mode", "half_pixel") : "asymmetric"
        guard let coordinates = Resampling.CoordinateMode(rawValue: ct) else { throw UnsupportedFeature("coordinate_transformation_mode \(ct)") }
        let policyName = try a.string("keep_aspect_ratio_policy", "stretch")
        guard let policy = AspectPolicy(rawValue: policyName) else { throw UnsupportedFeature("keep_aspect_ratio_policy \(policyName)") }
        let eleven = opset >= 11
        return Resize(mode: mode, coordinates: coordinates, extrapolation: try a.float("extrapolation_value", 0),
                      axes: opset >= 18 ? try a.ints("axes") : nil, policy: policy,
                      scalesInput: eleven ? 2 : 1, sizesInput: eleven ? 3 : nil, roiInput: eleven ? 1 : nil, attributeScales: nil)
    }

    var parameterInputs: Set<Int> { Set([scalesInput] + (sizesInput.map { [$0] } ?? []) + (roiInput.map { [$0] } ?? [])) }

    struct AxisPlan { var outLen: Int; var scale: Float; var roi: (Float, Float) }

    func plan(_ x: [Int], roi: [Float]?, scales: [Float]?, sizes: [Int]?) throws -> [AxisPlan] {
        let rank = x.count
        let ax = try (axes ?? Array(0..<rank)).map { try Shape.axis($0, rank: rank) }
        var plans = x.map { AxisPlan(outLen: $0, scale: 1, roi: (0, 1)) }
        if let roi, !roi.isEmpty {
            guard roi.count == 2 * ax.count else { throw OperatorFailure("roi has \(roi.count) values for \(ax.count) axes") }
            for (i, a) in ax.enumerated() { plans[a].roi = (roi[i], roi[ax.count + i]) }
        }
        if let sizes, !sizes.isEmpty {
            guard sizes.count == ax.count else { throw OperatorFailure("sizes has \(sizes.count) values for \(ax.count) axes") }
            if policy == .stretch {
                for (i, a) in ax.enumerated() { plans[a].outLen = sizes[i]; plans[a].scale = Float(sizes[i]) / Float(x[a]) }
            } else {
                let ratios = ax.enumerated().map { Float(sizes[$0.offset]) / Float(x[$0.element]) }
                let s = policy == .notLarger ? ratios.min()! : ratios.max()!
                for a in ax { plans[a].scale = s; plans[a].outLen = Int((s * Float(x[a])).rounded()) }
            }
        } else if let scales, !scales.isEmpty {
            guard scales.count == ax.count else { throw OperatorFailure("scales has \(scales.count) values for \(ax.count) axes") }
            for (i, a) in ax.enumerated() {
                guard scales[i] > 0 else { throw OperatorFailure("scales must be positive") }
                plans[a].scale = scales[i]
                plans[a].outLen = Int((Float(x[a]) * scales[i]).rounded(.down))
            }
        } else {
            throw OperatorFailure("needs scales or sizes")
        }
        return plans
    }

    private func operands<T>(_ inputs: [T?], _ values: (T) -> [Float]) -> (roi: [Float]?, scales: [Float]?, sizes: [Int]?) {
        func at(_ i: Int?) -> [Float]? { guard let i, inputs.count > i, let v = inputs[i] else { return nil }; return values(v) }
        return (at(roiInput), attributeScales ?? at(scalesInput), at(sizesInput).map { $0.map { Int($0) } })
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        for i in 1..<inputs.count where inputs[i] != nil && inputs[i]!.constant == nil {
            throw OperatorFailure("roi, scales and sizes must be computable when the plan is made")
        }
        let o = operands(inputs) { $0.constant!.floats.isEmpty ? $0.constant!.ints.map { Float($0) } : $0.constant!.floats }
        return [ValueInfo(shape: try plan(x.shape, roi: o.roi, scales: o.scales, sizes: o.sizes).map(\.outLen), dataType: x.dataType)]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let x = inputs[0]!, y = outputs[0]
        let o = operands(inputs) { Array($0.buffer) }
        guard let plans = try? plan(x.shape, roi: o.roi, scales: o.scales, sizes: o.sizes) else { return }
        var shape = x.shape
        var current = Array(x.buffer)
        let axesToResize = (0..<shape.count).filter { plans[$0].outLen != shape[$0] || plans[$0].scale != 1 || coordinates == .tfCropAndResize }
        for a in axesToResize {
            let taps = Resampling.taps(outputLength: plans[a].outLen, inputLength: shape[a], scale: plans[a].scale,
                                       roi: plans[a].roi, coordinates: coordinates, mode: mode)
            var next = [Float](repeating: 0, count: current.count / max(shape[a], 1) * plans[a].outLen)
            let outer = shape[..<a].reduce(1, *), inner = shape[(a + 1)...].reduce(1, *)
            current.withUnsafeBufferPointer { s in next.withUnsafeMutableBufferPointer { d in
                Resampling.pass(s.baseAddress!, outer: outer, inLen: shape[a], inner: inner, taps: taps,
                                extrapolation: extrapolation, d.baseAddress!, threads: context.threads)
            } }
            shape[a] = plans[a].outLen
            current = next
        }
        current.withUnsafeBufferPointer { y.data.update(from: $0.baseAddress!, count: y.count) }
    }
}
