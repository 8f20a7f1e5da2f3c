import TerminalUI

/// Deterministic pictures for the graphics tests: a radiograph-like field
/// (smooth density, a bright "bone" band with sharp edges, grain) and a ramp
/// holding every level.
enum GraphicsTestImages {
    static func radiographLike(width: Int, height: Int, seed: UInt64 = 7) -> GreyImage {
        var state = seed
        func noise() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % 9) - 4
        }
        var px = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let fx = Double(x) / Double(max(1, width - 1)), fy = Double(y) / Double(max(1, height - 1))
                var v = 30.0 + 90.0 * fx + 40.0 * fy
                let dx = fx - 0.5
                if abs(dx) < 0.12 { v += 110 }            // cortical band
                if abs(dx) < 0.06 { v -= 45 }             // medullary canal
                let g = Int(v.rounded()) + noise()
                px[y * width + x] = UInt8(min(255, max(0, g)))
            }
        }
        return GreyImage(width: width, height: height, pixels: px)
    }

    /// Every level 0…255 in order, wrapped into rows of `width`.
    static func ramp(width: Int) -> GreyImage {
        let height = (256 + width - 1) / width
        let px = (0..<(width * height)).map { UInt8(min(255, $0)) }
        return GreyImage(width: width, height: height, pixels: px)
    }
}
