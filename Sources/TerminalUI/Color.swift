/// A terminal colour. `grey` is an image level (0…255): truecolor terminals get
/// it exactly, 256-colour terminals the nearest step of the 24-step grey ramp.
public enum Color: Hashable, Sendable {
    case `default`
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)
    case grey(UInt8)

    /// Whether a backend must draw this colour itself (outside curses' palette).
    public var isDirect: Bool {
        switch self {
        case .rgb, .grey: return true
        default: return false
        }
    }

    /// Nearest xterm-256 index, for backends without direct colour.
    public var xterm256: Int {
        switch self {
        case .default: return -1
        case .indexed(let i): return Int(i)
        case .grey(let g): return Color.greyRampIndex(g)
        case .rgb(let r, let g, let b):
            if r == g && g == b { return Color.greyRampIndex(r) }
            func level(_ v: UInt8) -> Int {
                let steps = [0, 95, 135, 175, 215, 255]
                var best = 0
                for (i, s) in steps.enumerated() where abs(s - Int(v)) < abs(steps[best] - Int(v)) { best = i }
                return best
            }
            return 16 + 36 * level(r) + 6 * level(g) + level(b)
        }
    }

    /// Index into xterm's grey ramp 232…255 (8, 18, …, 238), or 16/231 for the ends.
    public static func greyRampIndex(_ g: UInt8) -> Int {
        let v = Int(g)
        if v < 4 { return 16 }
        if v > 246 { return 231 }
        let step = min(23, max(0, (v - 8 + 5) / 10))
        return 232 + step
    }

    /// The grey level a 256-colour terminal actually shows for `greyRampIndex`.
    public static func rampLevel(_ index: Int) -> UInt8 {
        if index == 16 { return 0 }
        if index == 231 { return 255 }
        return UInt8(8 + 10 * (index - 232))
    }
}
