import Testing
import Common
@testable import Phantoms

@Suite struct PhantomRandomTests {
    @Test func sameSeedSameStream() {
        var a = PhantomRandom(seed: 42), b = PhantomRandom(seed: 42)
        let xs = (0..<100).map { _ in a.next() }
        let ys = (0..<100).map { _ in b.next() }
        #expect(xs == ys)
    }

    @Test func differentSeedsDiffer() {
        var a = PhantomRandom(seed: 1), b = PhantomRandom(seed: 2)
        #expect((0..<8).map { _ in a.next() } != (0..<8).map { _ in b.next() })
    }

    /// SplitMix64 reference values for seed 0 (Vigna's reference implementation).
    @Test func splitMixMatchesReference() {
        var m = SplitMix64(state: 0)
        #expect(m.next() == 0xE220_A839_7B1D_CDAF)
        #expect(m.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func uniformAndGaussianMoments() {
        var r = PhantomRandom(seed: 9)
        let n = 20_000
        var sum = 0.0, sumSq = 0.0, inside = 0
        for _ in 0..<n {
            let u = r.uniform()
            #expect(u >= 0 && u < 1)
            let g = r.gaussian()
            sum += g; sumSq += g * g
            if abs(g) < 1.96 { inside += 1 }
        }
        let mean = sum / Double(n), variance = sumSq / Double(n) - mean * mean
        #expect(abs(mean) < 0.03)
        #expect(abs(variance - 1) < 0.05)
        #expect(abs(Double(inside) / Double(n) - 0.95) < 0.01)
    }

    @Test func derivedSeedsAreDistinctPerIndex() {
        let seeds = Set((0..<1000).map { PhantomRandom.derivedSeed(5, index: $0) })
        #expect(seeds.count == 1000)
        #expect(PhantomRandom.derivedSeed(5, index: 3) == PhantomRandom.derivedSeed(5, index: 3))
        #expect(PhantomRandom.derivedSeed(5, index: 3, salt: 1) != PhantomRandom.derivedSeed(5, index: 3, salt: 2))
    }

    @Test func choiceFollowsWeights() {
        var r = PhantomRandom(seed: 3)
        var counts = [0, 0, 0]
        for _ in 0..<9000 { counts[r.choice(weights: [1, 2, 0])] += 1 }
        #expect(counts[2] == 0)
        #expect(abs(Double(counts[1]) / Double(counts[0]) - 2) < 0.2)
    }
}
