/// Grey levels on terminals without truecolor: the xterm 256-colour palette's greys are
/// the 24-step ramp 232…255 (8, 18, …, 238) plus black (16) and white (231) of the cube.
public enum TerminalGrey {
    /// Nearest xterm-256 colour index for an 8-bit grey level.
    public static func xterm256(_ level: UInt8) -> UInt8 {
        let v = Int(level)
        var best = (index: 16, error: v)  // black
        if 255 - v < best.error { best = (231, 255 - v) }
        let k = min(23, max(0, (v - 8 + 5) / 10))
        let rampValue = 8 + 10 * k
        if abs(rampValue - v) < best.error { best = (232 + k, abs(rampValue - v)) }
        return UInt8(best.index)
    }

    /// The grey level an xterm-256 grey index shows (16, 231, 232…255).
    public static func level(ofXterm256 index: UInt8) -> UInt8? {
        switch index {
        case 16: return 0
        case 231: return 255
        case 232...255: return UInt8(8 + 10 * (Int(index) - 232))
        default: return nil
        }
    }
}
