/// Sliding-window geometry shared by Conv and the pools: kernel, strides,
/// dilations, explicit pads or auto_pad, ceil_mode, resolved against the
/// input's spatial size.
struct WindowGeometry: Sendable, Equatable {
    enum AutoPad: String, Sendable { case notSet = "NOTSET", sameUpper = "SAME_UPPER", sameLower = "SAME_LOWER", valid = "VALID" }

    var kernel: [Int]
    var strides: [Int]
    var dilations: [Int]
    /// begin pads then end pads, as in ONNX.
    var pads: [Int]
    var autoPad: AutoPad
    var ceilMode: Bool

    /// Reads the attributes; `kernel` comes from `kernel_shape` or (for Conv) the weight shape later.
    init(_ a: Attributes, kernel: [Int]?) throws {
        self.kernel = try kernel ?? a.ints("kernel_shape") ?? []
        let r = self.kernel.count
        strides = try a.ints("strides") ?? []
        dilations = try a.ints("dilations") ?? []
        pads = try a.ints("pads") ?? []
        let ap = try a.string("auto_pad", "NOTSET")
        guard let mode = AutoPad(rawValue: ap) else { throw OperatorFailure("unknown auto_pad \(ap)") }
        autoPad = mode
        ceilMode = try a.int("ceil_mode", 0) != 0
        if r > 0 { try fill(rank: r) }
    }

    /// Fills defaults once the spatial rank is known.
    mutating func fill(rank r: Int) throws {
        if strides.isEmpty { strides = [Int](repeating: 1, count: r) }
        if dilations.isEmpty { dilations = [Int](repeating: 1, count: r) }
        if pads.isEmpty { pads = [Int](repeating: 0, count: 2 * r) }
        guard kernel.count == r, strides.count == r, dilations.count == r, pads.count == 2 * r else {
            throw OperatorFailure("kernel \(kernel), strides \(strides), dilations \(dilations), pads \(pads) disagree on rank \(r)")
        }
        guard strides.allSatisfy({ $0 > 0 }), dilations.allSatisfy({ $0 > 0 }), kernel.allSatisfy({ $0 > 0 }) else {
            throw OperatorFailure("kernel, strides and dilations must be positive")
        }
    }

    struct Resolved: Sendable, Equatable {
        var input: [Int]
        var output: [Int]
        var padBegin: [Int]
        var padEnd: [Int]
        var kernel: [Int]
        var strides: [Int]
        var dilations: [Int]
    }

    func resolve(input: [Int]) throws -> Resolved {
        let r = kernel.count
        guard input.count == r else { throw OperatorFailure("input has \(input.count) spatial dims, kernel \(r)") }
        var out = [Int](repeating: 0, count: r)
        var pb = Array(pads[0..<r]), pe = Array(pads[r..<(2 * r)])
        for i in 0..<r {
            let ek = (kernel[i] - 1) * dilations[i] + 1
            switch autoPad {
            case .notSet:
                let span = input[i] + pb[i] + pe[i] - ek
                guard span >= 0 else { throw OperatorFailure("window \(ek) larger than padded input \(input[i] + pb[i] + pe[i])") }
                if ceilMode {
                    out[i] = (span + strides[i] - 1) / strides[i] + 1
                    // The last window must start inside the input or the begin padding.
                    if (out[i] - 1) * strides[i] >= input[i] + pb[i] { out[i] -= 1 }
                } else {
                    out[i] = span / strides[i] + 1
                }
            case .valid:
                guard input[i] >= ek else { throw OperatorFailure("window \(ek) larger than input \(input[i])") }
                out[i] = (input[i] - ek) / strides[i] + 1
                pb[i] = 0; pe[i] = 0
            case .sameUpper, .sameLower:
                out[i] = (input[i] + strides[i] - 1) / strides[i]
                let total = max(0, (out[i] - 1) * strides[i] + ek - input[i])
                if autoPad == .sameUpper { pb[i] = total / 2; pe[i] = total - pb[i] } else { pe[i] = total / 2; pb[i] = total - pe[i] }
            }
        }
        return Resolved(input: input, output: out, padBegin: pb, padEnd: pe, kernel: kernel, strides: strides, dilations: dilations)
    }
}

extension WindowGeometry.Resolved {
    /// The same geometry as 3-D (leading size-1 dims), so kernels handle 1-D, 2-D and 3-D alike.
    var as3D: WindowGeometry.Resolved {
        let k = 3 - input.count
        guard k > 0 else { return self }
        let ones = [Int](repeating: 1, count: k), zeros = [Int](repeating: 0, count: k)
        return .init(input: ones + input, output: ones + output, padBegin: zeros + padBegin, padEnd: zeros + padEnd,
                     kernel: ones + kernel, strides: ones + strides, dilations: ones + dilations)
    }
}
