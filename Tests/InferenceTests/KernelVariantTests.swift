import Common
import Testing
@testable import Inference

/// Every kernel variant this CPU can run, against an oracle that states the
/// contract directly: each output element is one fused multiply-add chain in
/// k order. Bitwise, so a variant that reorders, drops a tile edge or reads
/// past a panel fails here on any machine that runs it.
@Suite struct KernelVariantTests {
    static let variants = KernelVariant.runnable

    static func oracle(m: Int, n: Int, k: Int, a: [Float], lda: Int, b: [Float], ldb: Int, c: [Float], ldc: Int, accumulate: Bool) -> [Float] {
        var out = c
        for i in 0..<m {
            for j in 0..<n {
                var acc: Float = accumulate ? c[i * ldc + j] : 0
                for p in 0..<k { acc = acc.addingProduct(a[i * lda + p], b[p * ldb + j]) }
                out[i * ldc + j] = acc
            }
        }
        return out
    }

    @Test(arguments: variants, 0..<12)
    func gemmIsOneFMAChainPerElement(variant: KernelVariant, seed: Int) {
        var r = TestRandom(seed: UInt64(seed) &* 7919 &+ 11)
        // Sizes straddle the 6-row tiles, the 16/32-column panels and the 256 blocks of k and n.
        let m = 1 + r.int(20), n = 1 + r.int(600), k = 1 + r.int(600)
        let lda = k + r.int(3), ldb = n + r.int(3), ldc = n + r.int(3)
        let accumulate = r.int(2) == 1
        let a = r.floats(m * lda), b = r.floats(k * ldb), c0 = r.floats(m * ldc)
        let want = Self.oracle(m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, c: c0, ldc: ldc, accumulate: accumulate)
        var got = c0
        // NaN scratch: a panel read before it is written poisons the result.
        var scratch = [Float](repeating: .nan, count: KernelGEMM.scratchFloats)
        scratch.withUnsafeMutableBufferPointer { s in
            KernelGEMM(variant: variant, threads: 1, scratch: s.baseAddress!)
                .multiply(m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, accumulate: accumulate, c: &got, ldc: ldc)
        }
        let firstBad = zip(got, want).enumerated().first { $0.element.0.bitPattern != $0.element.1.bitPattern }
        #expect(firstBad == nil, "\(variant) m \(m) n \(n) k \(k) accumulate \(accumulate): element \(firstBad?.offset ?? -1) is \(firstBad?.element.0 ?? 0), oracle \(firstBad?.element.1 ?? 0)")
    }

    /// The threaded split over columns gives the same bits as one thread.
    @Test(arguments: variants)
    func threadsDoNotChangeBits(variant: KernelVariant) {
        var r = TestRandom(seed: 404)
        for (m, n, k) in [(13, 700, 300), (40, 49, 600)] {  // column split, then row split
        let a = r.floats(m * k), b = r.floats(k * n)
        func product(_ threads: Int) -> [Float] {
            var c = [Float](repeating: 0, count: m * n)
            let scratch = UnsafeMutablePointer<Float>.allocate(capacity: threads * KernelGEMM.scratchFloats)
            defer { scratch.deallocate() }
            KernelGEMM(variant: variant, threads: threads, scratch: scratch).multiply(m: m, n: n, k: k, a: a, lda: k, b: b, ldb: n, c: &c, ldc: n)
            return c
        }
        #expect(product(1) == product(2), "m \(m) n \(n) k \(k)")
        }
    }

    /// Whole convolutions (im2col, pointwise, shifted, grouped) come out the same
    /// bits under every runnable variant.
    @Test(arguments: 0..<12)
    func convolutionsAgreeBitwiseAcrossVariants(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &+ 77)
        let c = KernelSelfTest.makeCase(seed % 2, &random)
        var results: [KernelVariant: [Float]] = [:]
        for v in Self.variants {
            results[v] = try Session(graph: c.graph, inputs: c.feeds, options: .init(threads: 2, variant: v)).run(c.feeds)["y"]!.floats
        }
        let first = results[Self.variants[0]]!
        for v in Self.variants.dropFirst() {
            #expect(results[v]!.map(\.bitPattern) == first.map(\.bitPattern), "\(c.label): \(v) differs from \(Self.variants[0])")
        }
    }

    /// The self-test `lightbox doctor --kernels` runs, for each variant in this process.
    @Test(arguments: variants)
    func selfTestAgreesWithReference(variant: KernelVariant) throws {
        let r = try KernelSelfTest.run(variant: variant, count: 12)
        #expect(r.disagreements.isEmpty, "\(r.disagreements)")
    }

    @Test func variantNamesAreParsedAndCheckedAgainstTheCPU() throws {
        #expect(try KernelVariant.selected(environment: nil) == .best)
        #expect(try KernelVariant.selected(environment: "auto") == .best)
        #expect(try KernelVariant.selected(environment: "generic") == .generic)
        #expect(throws: InferenceError.self) { try KernelVariant.selected(environment: "avx1024") }
        for v in KernelVariant.allCases where !v.isRunnable {
            #expect(throws: InferenceError.self) { try KernelVariant.selected(environment: v.rawValue) }
        }
        #expect(KernelVariant.generic.isRunnable)
    }
}
