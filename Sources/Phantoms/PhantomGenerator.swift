import Common

/// Entry point: batches of phantom studies from one seed. Each study's seed is derived
/// from `(seed, kind, index)`, so any one study can be regenerated alone.
public struct PhantomGenerator: Sendable {
    public static let name = "Lightbox Phantoms 1"

    /// Image sizes; tests use small ones.
    public var handSize: (width: Int, height: Int) = (1024, 1280)
    public var extremitySize: (width: Int, height: Int) = (768, 960)
    public var spineSize: Int = 320

    public init() {}

    /// A generator with every image scaled down by `factor` (for fast tests).
    public static func small(factor: Int = 4) -> PhantomGenerator {
        var g = PhantomGenerator()
        g.handSize = (1024 / factor, 1280 / factor)
        g.extremitySize = (768 / factor, 960 / factor)
        g.spineSize = max(96, 320 / factor * 2)
        return g
    }

    public func generate(kind: PhantomKind, count: Int, seed: UInt64) -> [PhantomStudy] {
        (0..<max(count, 0)).map { generate(kind: kind, seed: seed, index: $0) }
    }

    /// Study `index` of the batch `(kind, seed)`.
    public func generate(kind: PhantomKind, seed: UInt64, index: Int) -> PhantomStudy {
        let studySeed = Self.studySeed(kind: kind, seed: seed, index: index)
        switch kind {
        case .hand:
            return HandPhantom(width: handSize.width, height: handSize.height).generate(seed: studySeed, index: index)
        case .extremity:
            return ExtremityPhantom(width: extremitySize.width, height: extremitySize.height).generate(seed: studySeed, index: index)
        case .spine:
            return SpinePhantom(size: spineSize).generate(seed: studySeed, index: index)
        }
    }

    public static func studySeed(kind: PhantomKind, seed: UInt64, index: Int) -> UInt64 {
        let salt: UInt64 = kind == .hand ? 1 : (kind == .extremity ? 2 : 3)
        return PhantomRandom.derivedSeed(seed, index: index, salt: salt)
    }

    static func studyId(kind: PhantomKind, seed: UInt64, index: Int) -> String {
        let short = String(seed, radix: 16)
        return "ph-\(kind.rawValue)-\(String(repeating: "0", count: max(0, 16 - short.count)) + short)"
    }

    static func pseudoId(seed: UInt64) -> String {
        var mixer = SplitMix64(state: seed ^ 0x5EED_1D)
        return "PH" + String(mixer.next() % 100_000_000, radix: 10)
    }
}
