import Common
import Testing
@testable import ReaderStudy

@Suite struct RandomTests {
    // Published vectors: splitmix64.c from seed 1234567; xoshiro256starstar.c from
    // state {1, 2, 3, 4} (the vector rand_xoshiro tests against).
    @Test func splitMixMatchesReference() {
        var mixer = SplitMix64(seed: 1_234_567)
        let expected: [UInt64] = [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
                                  4_593_380_528_125_082_431, 16_408_922_859_458_223_821]
        #expect((0..<5).map { _ in mixer.next() } == expected)
    }

    @Test func xoshiroMatchesReference() {
        var rng = Xoshiro256StarStar(state: (1, 2, 3, 4))
        let expected: [UInt64] = [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
                                  607_988_272_756_665_600, 16_172_922_978_634_559_625, 8_476_171_486_693_032_832,
                                  10_595_114_339_597_558_777, 2_904_607_092_377_533_576]
        #expect((0..<10).map { _ in rng.next() } == expected)
    }

    @Test func fnvMatchesReference() {
        #expect(Xoshiro256StarStar.fnv1a64("") == 0xCBF2_9CE4_8422_2325)
        #expect(Xoshiro256StarStar.fnv1a64("a") == 0xAF63_DC4C_8601_EC8C)
    }

    @Test func boundedDrawsStayInRangeAndCoverIt() {
        var rng = Xoshiro256StarStar(seed: 7)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<6000 { counts[rng.next(below: 6)] += 1 }
        // Each face expects 1000; 5 SD of a binomial(6000, 1/6) is about 144.
        #expect(counts.allSatisfy { abs($0 - 1000) < 150 }, "\(counts)")
    }

    @Test func shuffleIsAPermutationAndSeedDependent() {
        let items = Array(0..<50)
        var a = Xoshiro256StarStar.stream(seed: 1, "x")
        var b = Xoshiro256StarStar.stream(seed: 1, "x")
        var c = Xoshiro256StarStar.stream(seed: 2, "x")
        var d = Xoshiro256StarStar.stream(seed: 1, "y")
        let sa = a.shuffled(items)
        #expect(sa.sorted() == items)
        #expect(sa != items)
        #expect(sa == b.shuffled(items))
        #expect(sa != c.shuffled(items))
        #expect(sa != d.shuffled(items))
    }

    @Test func everyPermutationOfThreeOccurs() {
        var rng = Xoshiro256StarStar(seed: 99)
        var seen: [[Int]: Int] = [:]
        for _ in 0..<6000 { seen[rng.shuffled([0, 1, 2]), default: 0] += 1 }
        #expect(seen.count == 6)
        #expect(seen.values.allSatisfy { abs($0 - 1000) < 150 }, "\(seen)")
    }
}
