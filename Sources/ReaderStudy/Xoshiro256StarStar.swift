import Common

/// xoshiro256** 1.0 (Blackman & Vigna 2018, reference `xoshiro256starstar.c`),
/// with unbiased bounded draws (Lemire 2019) and a Fisher–Yates shuffle, so that
/// a shuffle depends only on the seed, never on the Swift standard library.
public struct Xoshiro256StarStar: Sendable, Equatable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// The raw state; it must not be all zero.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
        (s0, s1, s2, s3) = state
    }

    /// State from four SplitMix64 outputs, as the authors recommend.
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        self.init(state: (mixer.next(), mixer.next(), mixer.next(), mixer.next()))
    }

    /// An independent stream for one purpose (e.g. "order", reader, session),
    /// so adding a reader or a session never changes the other readers' orders.
    public static func stream(seed: UInt64, _ labels: String...) -> Xoshiro256StarStar {
        var key = mix(seed)
        for label in labels {
            key = mix(key ^ fnv1a64(label))
        }
        return Xoshiro256StarStar(seed: key)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var mixer = SplitMix64(seed: value)
        return mixer.next()
    }

    /// FNV-1a, 64 bit, over UTF-8: a stable string hash (Swift's `Hasher` is
    /// seeded per process and must never decide an assignment).
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// Uniform in 0..<bound without modulo bias (Lemire's multiply-and-reject).
    public mutating func next(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let n = UInt64(bound)
        var product = next().multipliedFullWidth(by: n)
        if product.low < n {
            let threshold = (0 &- n) % n
            while product.low < threshold {
                product = next().multipliedFullWidth(by: n)
            }
        }
        return Int(product.high)
    }

    /// Fisher–Yates (Durstenfeld), from the last element down.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = next(below: i + 1)
            if i != j { items.swapAt(i, j) }
        }
    }

    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var copy = items
        shuffle(&copy)
        return copy
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        (lhs.s0, lhs.s1, lhs.s2, lhs.s3) == (rhs.s0, rhs.s1, rhs.s2, rhs.s3)
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
