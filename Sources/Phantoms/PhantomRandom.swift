import Common

/// Deterministic generator for phantoms: xoshiro256** seeded through SplitMix64.
///
/// Written here rather than using Swift's `SystemRandomNumberGenerator` because every
/// phantom must be reproducible bit for bit from `(seed, index)` on any machine, and
/// the standard library makes no promise about its algorithms or their order.
public struct PhantomRandom: Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64
    /// Second Box–Muller deviate, kept so Gaussians cost one pair of uniforms per two draws.
    private var spareGaussian: Double?

    public init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next(); s1 = mixer.next(); s2 = mixer.next(); s3 = mixer.next()
        // xoshiro must not start from the all-zero state; SplitMix64 never yields four zeros,
        // but keep the guard so the invariant is visible.
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
        spareGaussian = nil
    }

    /// Seed of study `index` in a batch started from `seed`: any one study can be
    /// regenerated alone, and neighbouring indices do not share streams.
    public static func derivedSeed(_ seed: UInt64, index: Int, salt: UInt64 = 0) -> UInt64 {
        var mixer = SplitMix64(state: seed ^ (salt &* 0xD1B5_4A32_D192_ED03))
        let a = mixer.next()
        var second = SplitMix64(state: a &+ UInt64(bitPattern: Int64(index)) &* 0x9E37_79B9_7F4A_7C15)
        return second.next()
    }

    /// An independent child stream, so that adding draws to one part of a phantom does
    /// not reshuffle every later part.
    public mutating func fork(_ salt: UInt64) -> PhantomRandom {
        PhantomRandom(seed: next() ^ (salt &* 0xBF58_476D_1CE4_E5B9))
    }

    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// Uniform in [0, 1) with 53 bits.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// Uniform integer in `range` (Lemire's method would be exact; the modulo bias of a
    /// 64-bit draw over ranges this small is below 1e-15 and irrelevant here).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next() % span)
    }

    public mutating func bernoulli(_ p: Double) -> Bool { uniform() < p }

    /// Standard normal via Box–Muller.
    public mutating func gaussian() -> Double {
        if let spare = spareGaussian {
            spareGaussian = nil
            return spare
        }
        var u1 = uniform()
        while u1 <= 1e-300 { u1 = uniform() }
        let u2 = uniform()
        let radius = (-2.0 * Math.log(u1)).squareRoot()
        let angle = 2.0 * Double.pi * u2
        spareGaussian = radius * Math.sin(angle)
        return radius * Math.cos(angle)
    }

    public mutating func gaussian(mean: Double, sd: Double) -> Double { mean + sd * gaussian() }

    /// Index drawn with the given (unnormalised, non-negative) weights.
    public mutating func choice(weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        precondition(total > 0, "choice needs a positive weight")
        var u = uniform() * total
        for (i, w) in weights.enumerated() {
            if u < w { return i }
            u -= w
        }
        return weights.count - 1
    }

    public mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0...(items.count - 1))] }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
