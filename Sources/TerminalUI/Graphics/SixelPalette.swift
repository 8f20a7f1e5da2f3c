/// The grey registers a sixel image uses, and which register shows each
/// 8-bit level best.
///
/// DECSIXEL colours are given in percent (`#i;2;r;g;b`, 0…100), so a terminal
/// can only ever show 101 distinct greys through sixel, whatever its number of
/// registers. Levels are therefore chosen as percentages, and each register's
/// `shown` grey is what a terminal that rounds percent to 8 bits displays;
/// pixels map to the nearest shown grey, so quantisation is judged against what
/// is really on screen, not against an idealised ramp.
public struct SixelPalette: Equatable, Sendable {
    /// The most grey levels DECSIXEL can express (0…100 percent).
    public static let maximumLevels = 101

    /// Percent value of each register (0…100).
    public let percents: [UInt8]
    /// Grey a terminal shows for each register: round(percent × 255 / 100).
    public let shown: [UInt8]
    /// Register for each 8-bit grey level: the one whose `shown` grey is nearest.
    public let registerForLevel: [UInt8]

    /// `levels` evenly spaced greys from black to white, clamped to 2…101
    /// (and to `registers` when the terminal reports fewer colour registers).
    public init(levels: Int, registers: Int = 256) {
        let n = max(2, min(levels, SixelPalette.maximumLevels, max(2, registers)))
        var percents: [UInt8] = []
        for k in 0..<n {
            let p = UInt8((k * 100 + (n - 1) / 2) / (n - 1))
            // Integer rounding can only repeat a percent when n > 101, which the clamp rules out.
            if percents.last != p { percents.append(p) }
        }
        self.percents = percents
        shown = percents.map { UInt8((Int($0) * 255 + 50) / 100) }
        var map = [UInt8](repeating: 0, count: 256)
        var r = 0
        for v in 0..<256 {
            // `shown` rises monotonically, so the nearest register only ever moves forward.
            while r + 1 < shown.count && abs(Int(shown[r + 1]) - v) <= abs(Int(shown[r]) - v) { r += 1 }
            map[v] = UInt8(r)
        }
        registerForLevel = map
    }

    public var count: Int { percents.count }

    /// The grey a terminal shows for source level `v`.
    public func displayed(_ v: UInt8) -> UInt8 { shown[Int(registerForLevel[Int(v)])] }

    /// Largest difference between a source level and what is shown for it.
    public var maximumError: Int {
        (0..<256).map { abs(Int(displayed(UInt8($0))) - $0) }.max() ?? 0
    }
}
