import Testing
@testable import Inference

/// Optimized kernels (im2col + sgemm, threads, rewrites, arena reuse) against the
/// naive reference kernels on random shapes: normalised MSE ≤ 1e-7.
@Suite struct KernelAgreementTests {
    static let bound = 1e-7

    @Test(arguments: 0..<24)
    func convMatchesReference(seed: Int) throws {
        var r = TestRandom(seed: UInt64(seed) &* 31 &+ 1)
        let group = [1, 1, 2, 3][r.int(4)]
        let depthwise = r.int(4) == 0
        let cg = depthwise ? 1 : 1 + r.int(4)
        let c = cg * group
        let m = depthwise ? c : group * (1 + r.int(5))
        let k = [1, 1, 3, 3, 5, 2][r.int(6)]
        let stride = 1 + r.int(2), dilation = k > 1 ? 1 + r.int(2) : 1
        let pad = k > 1 ? r.int(k) : 0
        let h = (k - 1) * dilation + 1 + r.int(10), w = (k - 1) * dilation + 1 + r.int(10)
        let n = 1 + r.int(2)
        let x = Tensor(shape: [n, c, h, w], floats: r.floats(n * c * h * w))
        let weight = Tensor(shape: [m, cg, k, k], floats: r.floats(m * cg * k * k))
        let bias = Tensor(shape: [m], floats: r.floats(m))
        let attrs = [SingleNode.int("group", group), SingleNode.ints("strides", [stride, stride]),
                     SingleNode.ints("dilations", [dilation, dilation]), SingleNode.ints("pads", [pad, pad, pad, pad])]
        let g = try SingleNode.graph([NodeProto(opType: "Conv", inputs: ["x", "w", "b"], outputs: ["y"], attributes: attrs)],
                                     inputs: [("x", x.shape)], initializers: ["w": weight, "b": bias], outputs: ["y"])
        let (ref, opt) = try SingleNode.compare(g, ["x": x], output: "y")
        #expect(SingleNode.nmse(opt, ref) <= Self.bound, "x \(x.shape) w \(weight.shape) g\(group) s\(stride) d\(dilation) p\(pad)")
    }

    @Test(arguments: 0..<10)
    func convTransposeMatchesReference(seed: Int) throws {
        var r = TestRandom(seed: UInt64(seed) &* 17 &+ 3)
        let group = 1 + r.int(2), cg = 1 + r.int(3), mg = 1 + r.int(3)
        let k = 1 + r.int(4), stride = 1 + r.int(3)
        let pad = r.int((k + 1) / 2)
        let h = 2 + r.int(6), w = 2 + r.int(6)
        let x = Tensor(shape: [1, cg * group, h, w], floats: r.floats(cg * group * h * w))
        let weight = Tensor(shape: [cg * group, mg, k, k], floats: r.floats(cg * group * mg * k * k))
        let attrs = [SingleNode.int("group", group), SingleNode.ints("strides", [stride, stride]),
                     SingleNode.ints("pads", [pad, pad, pad, pad]), SingleNode.ints("output_padding", [stride > 1 ? 1 : 0, 0])]
        let g = try SingleNode.graph([NodeProto(opType: "ConvTranspose", inputs: ["x", "w"], outputs: ["y"], attributes: attrs)],
                                     inputs: [("x", x.shape)], initializers: ["w": weight], outputs: ["y"])
        let (ref, opt) = try SingleNode.compare(g, ["x": x], output: "y")
        #expect(SingleNode.nmse(opt, ref) <= Self.bound)
    }

    @Test(arguments: 0..<8)
    func gemmAndMatMulMatchReference(seed: Int) throws {
        var r = TestRandom(seed: UInt64(seed) &+ 99)
        let m = 1 + r.int(40), k = 1 + r.int(60), n = 1 + r.int(40)
        let ta = r.int(2), tb = r.int(2)
        let a = Tensor(shape: ta == 1 ? [k, m] : [m, k], floats: r.floats(m * k))
        let b = Tensor(shape: tb == 1 ? [n, k] : [k, n], floats: r.floats(k * n))
        let c = Tensor(shape: [n], floats: r.floats(n))
        let gemm = try SingleNode.graph([NodeProto(opType: "Gemm", inputs: ["a", "b", "c"], outputs: ["y"],
                                                   attributes: [SingleNode.int("transA", ta), SingleNode.int("transB", tb),
                                                                AttributeProto(name: "alpha", value: .float(0.7))])],
                                        inputs: [("a", a.shape)], initializers: ["b": b, "c": c], outputs: ["y"])
        let (ref, opt) = try SingleNode.compare(gemm, ["a": a], output: "y")
        #expect(SingleNode.nmse(opt, ref) <= Self.bound)

        let batch = 1 + r.int(3)
        let x = Tensor(shape: [batch, 1, m, k], floats: r.floats(batch * m * k))
        let y = Tensor(shape: [2, k, n], floats: r.floats(2 * k * n))
        let mm = try SingleNode.graph([NodeProto(opType: "MatMul", inputs: ["x", "y"], outputs: ["z"])],
                                      inputs: [("x", x.shape)], initializers: ["y": y], outputs: ["z"])
        let (ref2, opt2) = try SingleNode.compare(mm, ["x": x], output: "z")
        #expect(SingleNode.nmse(opt2, ref2) <= Self.bound)
    }

    @Test(arguments: 0..<8)
    func rewrittenConvBatchNormActivationMatchesUnrewritten(seed: Int) throws {
        var r = TestRandom(seed: UInt64(seed) &+ 1234)
        let c = 1 + r.int(5), m = 1 + r.int(6), h = 3 + r.int(8)
        let x = Tensor(shape: [1, c, h, h], floats: r.floats(c * h * h))
        let act = ["Relu", "LeakyRelu", "Sigmoid", "HardSwish", "Clip"][r.int(5)]
        let nodes = [
            NodeProto(opType: "Conv", inputs: ["x", "w"], outputs: ["c"], attributes: [SingleNode.ints("pads", [1, 1, 1, 1])]),
            NodeProto(opType: "BatchNormalization", inputs: ["c", "s", "b", "mean", "var"], outputs: ["n"]),
            NodeProto(opType: act, inputs: act == "Clip" ? ["n", "lo", "hi"] : ["n"], outputs: ["y"]),
        ]
        let inits: [String: Tensor] = [
            "w": Tensor(shape: [m, c, 3, 3], floats: r.floats(m * c * 9)),
            "s": Tensor(shape: [m], floats: r.floats(m)), "b": Tensor(shape: [m], floats: r.floats(m)),
            "mean": Tensor(shape: [m], floats: r.floats(m)), "var": Tensor(shape: [m], floats: r.floats(m).map { $0 * $0 + 0.1 }),
            "lo": Tensor(shape: [], floats: [0]), "hi": Tensor(shape: [], floats: [0.5]),
        ]
        let g = try SingleNode.graph(nodes, inputs: [("x", x.shape)], initializers: inits, outputs: ["y"])
        let session = try Session(graph: g, inputs: ["x": x], options: Session.Options(threads: 2, shiftedConvolutions: false))
        #expect(session.bound.stepOpTypes == ["Conv+\(act)"], "BatchNorm folded and \(act) fused")
        let (ref, opt) = try SingleNode.compare(g, ["x": x], output: "y")
        #expect(SingleNode.nmse(opt, ref) <= Self.bound)
    }

    @Test(arguments: 0..<6)
    func poolingSoftmaxAndBroadcastMatchReference(seed: Int) throws {
        var r = TestRandom(seed: UInt64(seed) &+ 555)
        let c = 1 + r.int(6), h = 4 + r.int(12)
        let x = Tensor(shape: [2, c, h, h], floats: r.floats(2 * c * h * h))
        let nodes = [
            NodeProto(opType: "MaxPool", inputs: ["x"], outputs: ["p"], attributes: [SingleNode.ints("kernel_shape", [3, 3]),
                      SingleNode.ints("strides", [2, 2]), SingleNode.int("ceil_mode", 1)]),
            NodeProto(opType: "AveragePool", inputs: ["p"], outputs: ["a"], attributes: [SingleNode.ints("kernel_shape", [2, 2]),
                      SingleNode.ints("pads", [1, 1, 1, 1])]),
            NodeProto(opType: "Add", inputs: ["a", "bias"], outputs: ["s"]),
            NodeProto(opType: "Softmax", inputs: ["s"], outputs: ["y"], attributes: [SingleNode.int("axis", 1)]),
        ]
        let g = try SingleNode.graph(nodes, inputs: [("x", x.shape)], initializers: ["bias": Tensor(shape: [c, 1, 1], floats: r.floats(c))], outputs: ["y"])
        let (ref, opt) = try SingleNode.compare(g, ["x": x], output: "y")
        #expect(SingleNode.nmse(opt, ref) <= Self.bound)
    }

    /// Caffe2-style BatchNorm → Mul → Add → Relu and Conv → Mul → Add chains collapse
    /// into BatchNormalization+Relu and Conv, with the same results.
    @Test(arguments: 0..<4)
    func perChannelAffineIsAbsorbed(seed: Int) throws {
        var r = TestRandom(seed: UInt64(seed) &+ 4321)
        let c = 2 + r.int(5), h = 3 + r.int(6)
        let x = Tensor(shape: [1, c, h, h], floats: r.floats(c * h * h))
        func vec(_ n: Int) -> [Float] { r.floats(n) }
        let nodes = [
            NodeProto(opType: "BatchNormalization", inputs: ["x", "s", "b", "mean", "var"], outputs: ["n"]),
            NodeProto(opType: "Mul", inputs: ["n", "k1"], outputs: ["m"]),
            NodeProto(opType: "Add", inputs: ["m", "k2"], outputs: ["a"]),
            NodeProto(opType: "Relu", inputs: ["a"], outputs: ["r"]),
            NodeProto(opType: "Conv", inputs: ["r", "w"], outputs: ["cv"], attributes: [SingleNode.ints("pads", [1, 1, 1, 1])]),
            NodeProto(opType: "Mul", inputs: ["cv", "k3"], outputs: ["m2"]),
            NodeProto(opType: "Add", inputs: ["k4", "m2"], outputs: ["y"]),
        ]
        let inits: [String: Tensor] = [
            "s": Tensor(shape: [c], floats: vec(c)), "b": Tensor(shape: [c], floats: vec(c)),
            "mean": Tensor(shape: [c], floats: vec(c)), "var": Tensor(shape: [c], floats: vec(c).map { $0 * $0 + 0.2 }),
            "k1": Tensor(shape: [c, 1, 1], floats: vec(c)), "k2": Tensor(shape: [1, c, 1, 1], floats: vec(c)),
            "w": Tensor(shape: [c, c, 3, 3], floats: vec(c * c * 9)),
            "k3": Tensor(shape: [c, 1, 1], floats: vec(c)), "k4": Tensor(shape: [c, 1, 1], floats: vec(c)),
        ]
        let g = try SingleNode.graph(nodes, inputs: [("x", x.shape)], initializers: inits, outputs: ["y"])
        let session = try Session(graph: g, inputs: ["x": x], options: Session.Options(threads: 2, shiftedConvolutions: false))
        #expect(session.bound.stepOpTypes == ["BatchNormalization+Relu", "Conv"])
        let (ref, opt) = try SingleNode.compare(g, ["x": x], output: "y")
        #expect(SingleNode.nmse(opt, ref) <= Self.bound)
    }

    /// 3×3 stride-1 convolutions large enough for Winograd F(2×2, 3×3), odd sizes and
    /// asymmetric pads included, against the direct reference loops.
    @Test(arguments: 0..<6)
    func winogradMatchesReference(seed: Int) throws {
        var r = TestRandom(seed: UInt64(seed) &+ 777)
        let c = 1 + r.int(12), m = 1 + r.int(12), h = 16 + r.int(9), w = 16 + r.int(9)
        let pads = [r.int(2), r.int(2), r.int(2), r.int(2)]
        let shape = [1 + r.int(2), c, h, w]
        let input = Tensor(shape: shape, floats: r.floats(shape.reduce(1, *)))
        let nodes = [NodeProto(opType: "Conv", inputs: ["x", "w", "b"], outputs: ["c"], attributes: [SingleNode.ints("pads", pads)]),
                     NodeProto(opType: "Relu", inputs: ["c"], outputs: ["y"])]
        let g = try SingleNode.graph(nodes, inputs: [("x", input.shape)],
                                     initializers: ["w": Tensor(shape: [m, c, 3, 3], floats: r.floats(m * c * 9)),
                                                    "b": Tensor(shape: [m], floats: r.floats(m))], outputs: ["y"])
        let options = Session.Options(threads: 2, winograd: true)
        let session = try Session(graph: g, inputs: ["x": input], options: options)
        #expect(session.bound.stepOpTypes == ["Conv3x3Winograd+Relu"])
        let (ref, opt) = try SingleNode.compare(g, ["x": input], output: "y", options: options)
        #expect(SingleNode.nmse(opt, ref) <= Self.bound, "x \(input.shape) m \(m) pads \(pads)")
    }

    /// Stride-1 convolutions as shifted GEMMs over a padded input (dilations, asymmetric
    /// pads, non-square kernels) against the direct reference loops.
    @Test(arguments: 0..<8)
    func shiftedConvolutionMatchesReference(seed: Int) throws {
        var r = TestRandom(seed: UInt64(seed) &+ 999)
        let c = 1 + r.int(9), m = 1 + r.int(9), kh = 1 + r.int(4), kw = 2 + r.int(3)
        let dh = 1 + r.int(2), dw = 1 + r.int(2)
        let pads = [r.int(3), r.int(3), r.int(3), r.int(3)]
        let h = (kh - 1) * dh + 1 + r.int(8), w = (kw - 1) * dw + 1 + r.int(8)
        let shape = [1 + r.int(2), c, h, w]
        let input = Tensor(shape: shape, floats: r.floats(shape.reduce(1, *)))
        let nodes = [NodeProto(opType: "Conv", inputs: ["x", "w", "b"], outputs: ["c"],
                               attributes: [SingleNode.ints("pads", pads), SingleNode.ints("dilations", [dh, dw])]),
                     NodeProto(opType: "LeakyRelu", inputs: ["c"], outputs: ["y"])]
        let g = try SingleNode.graph(nodes, inputs: [("x", shape)],
                                     initializers: ["w": Tensor(shape: [m, c, kh, kw], floats: r.floats(m * c * kh * kw)),
                                                    "b": Tensor(shape: [m], floats: r.floats(m))], outputs: ["y"])
        let session = try Session(graph: g, inputs: ["x": input], options: Session.Options(threads: 2))
        #expect(session.bound.stepOpTypes == ["ShiftedConv+LeakyRelu"])
        let (ref, opt) = try SingleNode.compare(g, ["x": input], output: "y")
        #expect(SingleNode.nmse(opt, ref) <= Self.bound, "x \(shape) w [\(m), \(c), \(kh), \(kw)] d \(dh),\(dw) pads \(pads)")
    }

    /// ResNet's residual join: Sum → Relu fused, computed in place of the first operand.
    @Test func sumWithReluIsFusedAndMatches() throws {
        var r = TestRandom(seed: 2024)
        let shape = [1, 4, 5, 6]
        let x = Tensor(shape: shape, floats: r.floats(120))
        let nodes = [NodeProto(opType: "Exp", inputs: ["x"], outputs: ["e"]),
                     NodeProto(opType: "Sum", inputs: ["e", "x", "k"], outputs: ["s"]),
                     NodeProto(opType: "Relu", inputs: ["s"], outputs: ["y"])]
        let g = try SingleNode.graph(nodes, inputs: [("x", shape)], initializers: ["k": Tensor(shape: [4, 1, 1], floats: r.floats(4))], outputs: ["y"])
        let session = try Session(graph: g, inputs: ["x": x], options: Session.Options(threads: 2))
        #expect(session.bound.stepOpTypes == ["Exp", "Sum+Relu"])
        let (ref, opt) = try SingleNode.compare(g, ["x": x], output: "y")
        #expect(SingleNode.nmse(opt, ref) <= Self.bound)
        #expect(ref.allSatisfy { $0 >= 0 } && ref.contains { $0 > 0 })
    }

    /// ReduceMean/Sum/Max over trailing axes take the contiguous fast path; other axes the general one.
    @Test(arguments: ["ReduceMean", "ReduceSum", "ReduceMax"])
    func reductionsMatchReference(_ op: String) throws {
        var r = TestRandom(seed: 31337)
        let shape = [2, 5, 6, 7]
        let x = Tensor(shape: shape, floats: r.floats(420))
        for axes in [[2, 3], [-1], [1, 2, 3], [1], [0, 2]] {
            let nodes = [NodeProto(opType: op, inputs: ["x"], outputs: ["y"],
                                   attributes: [SingleNode.ints("axes", axes), SingleNode.int("keepdims", 0)])]
            let g = try SingleNode.graph(nodes, inputs: [("x", shape)], outputs: ["y"], opset: 11)
            let (ref, opt) = try SingleNode.compare(g, ["x": x], output: "y")
            #expect(SingleNode.nmse(opt, ref) <= Self.bound, "\(op) axes \(axes)")
        }
    }
}
