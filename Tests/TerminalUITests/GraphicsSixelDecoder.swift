import TerminalUI

/// A small, independent DECSIXEL reader for tests: it follows the format as
/// VT330/VT340 documents it (not the encoder's code), and records how many times
/// each pixel was painted so gaps and double paints show up.
struct GraphicsSixelDecoder {
    struct Decoded {
        var width: Int
        var height: Int
        /// Shown grey per pixel (round(percent × 255 / 100)), -1 where nothing was painted.
        var pixels: [Int]
        var paints: [Int]
        var bands: Int
    }

    enum Failure: Error, Equatable { case notDCS, noRaster, badColour(Int), undefinedRegister(Int), noTerminator }

    static func decode(_ bytes: [UInt8]) throws -> Decoded {
        guard bytes.count > 4, bytes[0] == 0x1B, bytes[1] == 0x50 else { throw Failure.notDCS }
        guard bytes.suffix(2) == [0x1B, 0x5C] else { throw Failure.noTerminator }
        var i = 2
        while i < bytes.count && bytes[i] != 0x71 { i += 1 }   // 'q'
        i += 1
        func number() -> Int {
            var v = 0
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { v = v * 10 + Int(bytes[i] - 0x30); i += 1 }
            return v
        }
        guard i < bytes.count, bytes[i] == 0x22 else { throw Failure.noRaster }
        i += 1
        var raster: [Int] = [number()]
        while bytes[i] == 0x3B { i += 1; raster.append(number()) }
        guard raster.count == 4 else { throw Failure.noRaster }
        let w = raster[2], h = raster[3]
        var out = Decoded(width: w, height: h, pixels: Array(repeating: -1, count: w * h),
                          paints: Array(repeating: 0, count: w * h), bands: 1)
        var registers: [Int: Int] = [:]
        var current = -1, x = 0, y = 0
        let end = bytes.count - 2
        func paint(_ six: UInt8, _ count: Int) throws {
            let bits = Int(six) - 0x3F
            for _ in 0..<count {
                for r in 0..<6 where bits & (1 << r) != 0 {
                    let py = y + r
                    guard x < w, py < h else { continue }
                    guard let g = registers[current] else { throw Failure.undefinedRegister(current) }
                    out.pixels[py * w + x] = g
                    out.paints[py * w + x] += 1
                }
                x += 1
            }
        }
        while i < end {
            let b = bytes[i]
            switch b {
            case 0x23:   // #
                i += 1
                let n = number()
                if i < end, bytes[i] == 0x3B {
                    i += 1
                    let system = number(); i += 1
                    let r = number(); i += 1
                    let g = number(); i += 1
                    let bl = number()
                    guard system == 2, r == g, g == bl, r <= 100 else { throw Failure.badColour(n) }
                    registers[n] = (r * 255 + 50) / 100
                }
                current = n
            case 0x21:   // !
                i += 1
                let n = number()
                try paint(bytes[i], n); i += 1
            case 0x24: x = 0; i += 1
            case 0x2D: x = 0; y += 6; out.bands += 1; i += 1
            case 0x3F...0x7E: try paint(b, 1); i += 1
            default: i += 1
            }
        }
        return out
    }
}
