/// SplitMix64 (Steele, Lea & Flood, OOPSLA 2014; Vigna's reference `splitmix64.c`): expands one
/// 64-bit seed into generator state for phantoms, assignments, statistics and tests. Written here
/// rather than using Swift's generators, whose algorithms are not promised to stay the same across
/// releases: a phantom or a study's assignment must be reproducible from its seed forever.
public struct SplitMix64: RandomNumberGenerator, Sendable, Equatable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }
    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
