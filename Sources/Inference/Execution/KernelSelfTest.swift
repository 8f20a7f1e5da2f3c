import Common

/// Runs the optimized kernels of this process (its kernel variant and the
/// OpenBLAS core it loaded) against the reference kernels on seeded random
/// graphs: convolutions of every path (im2col, pointwise, shifted, grouped,
/// Winograd), ConvTranspose, Gemm and MatMul. `lightbox doctor --kernels`
/// prints it, so a site can check the engine on its own CPU, and the tests run
/// it in child processes under each OpenBLAS core type, which is fixed when
/// the library loads.
public enum KernelSelfTest {
    /// Normalised mean squared error allowed against the reference.
    public static let bound = 1e-7

    public struct Result: Sendable {
        public var graphs: Int
        /// One line per graph that disagreed: what it was and its error.
        public var disagreements: [String]
    }

    public static func run(variant: KernelVariant, threads: Int = 2, seed: UInt64 = 1, count: Int = 32) throws -> Result {
        var random = SplitMix64(seed: seed)
        var failures: [String] = []
        for i in 0..<count {
            let c = makeCase(i, &random)
            let ref = try Session(graph: c.graph, inputs: c.feeds, options: .reference).run(c.feeds)["y"]!.floats
            let options = Session.Options(threads: threads, winograd: c.winograd, variant: variant)
            let opt = try Session(graph: c.graph, inputs: c.feeds, options: options).run(c.feeds)["y"]!.floats
            let e = nmse(opt, ref)
            if !(e <= bound) { failures.append("\(c.label): normalised error \(e) > \(bound)") }
            if let planes = c.identicalPlanes, let bad = firstDifferingPlane(opt, planes: planes) {
                failures.append("\(c.label): output channel \(bad) differs from channel 0 although their filters are identical")
            }
        }
        return Result(graphs: count, disagreements: failures)
    }

    struct Case {
        var label: String
        var graph: Graph
        var feeds: [String: Tensor]
        var winograd = false
        /// Output channels that must be bitwise equal (identical filters): the
        /// edge-tile defect of OpenBLAS's AVX2 kernels broke this.
        var identicalPlanes: Int? = nil
    }

    static func firstDifferingPlane(_ y: [Float], planes: Int) -> Int? {
        let size = y.count / planes
        for p in 1..<planes where y[p * size..<(p + 1) * size] != y[0..<size] { return p }
        return nil
    }

    static func makeCase(_ i: Int, _ r: inout SplitMix64) -> Case {
        func int(_ bound: Int) -> Int { Int(r.next() % UInt64(bound)) }
        func floats(_ n: Int) -> [Float] { (0..<n).map { _ in Float(r.next() >> 40) / Float(1 << 24) * 2 - 1 } }
        func ints(_ name: String, _ v: [Int]) -> AttributeProto { AttributeProto(name: name, value: .ints(v.map { Int64($0) })) }
        func attr(_ name: String, _ v: Int) -> AttributeProto { AttributeProto(name: name, value: .int(Int64(v))) }
        // Each kind takes its turn; sizes cross the GEMM's tile and block edges (6 rows, 16/32 columns, 256 k).
        switch i % 6 {
        case 0, 1:
            let group = [1, 1, 1, 2, 4][int(5)]
            let cg = [1, 3, 8, 17][int(4)], mg = [1, 5, 6, 13][int(4)]
            let k = [1, 3, 3, 5, 7][int(5)], stride = k > 1 ? 1 + int(2) : 1, dilation = k == 3 ? 1 + int(2) : 1
            let pad = k > 1 ? int(k) : 0
            let h = (k - 1) * dilation + 1 + int(22), w = (k - 1) * dilation + 1 + int(22)
            let x = Tensor(shape: [1, cg * group, h, w], floats: floats(cg * group * h * w))
            let inits = ["w": Tensor(shape: [mg * group, cg, k, k], floats: floats(mg * group * cg * k * k)),
                         "b": Tensor(shape: [mg * group], floats: floats(mg * group))]
            let node = NodeProto(opType: "Conv", inputs: ["x", "w", "b"], outputs: ["y"], attributes: [
                attr("group", group), ints("strides", [stride, stride]), ints("dilations", [dilation, dilation]), ints("pads", [pad, pad, pad, pad])])
            let graph = try! Graph.build([node], inputs: [("x", x.shape)], initializers: inits, outputs: ["y"])
            return Case(label: "Conv x\(x.shape) w[\(mg * group),\(cg),\(k),\(k)] group \(group) stride \(stride) dilation \(dilation) pad \(pad)",
                        graph: graph, feeds: ["x": x])
        case 2:
            let c = 1 + int(24), m = 1 + int(40), h = 8 + int(24)
            let x = Tensor(shape: [1, c, h, h], floats: floats(c * h * h))
            let node = NodeProto(opType: "Conv", inputs: ["x", "w"], outputs: ["y"], attributes: [ints("pads", [1, 1, 1, 1])])
            let graph = try! Graph.build([node], inputs: [("x", x.shape)], initializers: ["w": Tensor(shape: [m, c, 3, 3], floats: floats(m * c * 9))], outputs: ["y"])
            return Case(label: "Winograd Conv x\(x.shape) w[\(m),\(c),3,3]", graph: graph, feeds: ["x": x], winograd: true)
        case 3:
            let c = 1 + int(12), m = 1 + int(12), k = 2 + int(3), stride = 1 + int(2), h = 3 + int(12)
            let x = Tensor(shape: [1, c, h, h], floats: floats(c * h * h))
            let node = NodeProto(opType: "ConvTranspose", inputs: ["x", "w"], outputs: ["y"], attributes: [ints("strides", [stride, stride])])
            let graph = try! Graph.build([node], inputs: [("x", x.shape)], initializers: ["w": Tensor(shape: [c, m, k, k], floats: floats(c * m * k * k))], outputs: ["y"])
            return Case(label: "ConvTranspose x\(x.shape) w[\(c),\(m),\(k),\(k)] stride \(stride)", graph: graph, feeds: ["x": x])
        case 5:
            // Identical filters, large activations: every output channel must come out the same bits.
            let c = 8 + int(40), m = 7 + int(60), h = 6 + int(14), k = [1, 3][int(2)]
            let x = Tensor(shape: [1, c, h, h], floats: floats(c * h * h).map { ($0 + 1) * 1e6 })
            let filter = floats(c * k * k)
            let w = Tensor(shape: [m, c, k, k], floats: (0..<m).flatMap { _ in filter })
            let node = NodeProto(opType: "Conv", inputs: ["x", "w"], outputs: ["y"], attributes: [ints("pads", [k / 2, k / 2, k / 2, k / 2])])
            let graph = try! Graph.build([node], inputs: [("x", x.shape)], initializers: ["w": w], outputs: ["y"])
            return Case(label: "Conv with \(m) identical filters x\(x.shape) k \(k)", graph: graph, feeds: ["x": x], identicalPlanes: m)
        default:
            let m = 1 + int(70), k = 1 + int(300), n = 1 + int(90)
            if int(2) == 0 {
                let ta = int(2), tb = int(2)
                let a = Tensor(shape: ta == 1 ? [k, m] : [m, k], floats: floats(m * k))
                let inits = ["b": Tensor(shape: tb == 1 ? [n, k] : [k, n], floats: floats(k * n)), "c": Tensor(shape: [n], floats: floats(n))]
                let node = NodeProto(opType: "Gemm", inputs: ["a", "b", "c"], outputs: ["y"], attributes: [attr("transA", ta), attr("transB", tb)])
                let graph = try! Graph.build([node], inputs: [("a", a.shape)], initializers: inits, outputs: ["y"])
                return Case(label: "Gemm m \(m) k \(k) n \(n) transA \(ta) transB \(tb)", graph: graph, feeds: ["a": a])
            }
            let batch = 1 + int(3)
            let a = Tensor(shape: [batch, m, k], floats: floats(batch * m * k))
            let node = NodeProto(opType: "MatMul", inputs: ["a", "b"], outputs: ["y"])
            let graph = try! Graph.build([node], inputs: [("a", a.shape)], initializers: ["b": Tensor(shape: [k, n], floats: floats(k * n))], outputs: ["y"])
            return Case(label: "MatMul a\(a.shape) b[\(k),\(n)]", graph: graph, feeds: ["a": a])
        }
    }

    static func nmse(_ a: [Float], _ b: [Float]) -> Double {
        guard a.count == b.count else { return .infinity }
        var num = 0.0, den = 0.0
        for (x, y) in zip(a, b) { num += Double(x - y) * Double(x - y); den += Double(y) * Double(y) }
        return den == 0 ? num : num / den
    }
}
