/// Encodes a grey image as a DECSIXEL device control string.
///
/// The image is cut into bands of six pixel rows. In each band, every register
/// that occurs gets one pass (`#n` then one sixel character per column, runs
/// compressed with `!count`), passes are separated by `$` (back to the band's
/// left edge) and bands by `-`. Bytes are built in one `[UInt8]`: per-pixel
/// `String` appends would cost more than the encoding itself.
public struct SixelEncoder: Sendable {
    public let palette: SixelPalette

    /// 64 levels by default: within 3 of the source everywhere at about two
    /// thirds of the bytes of the full 101 (`Docs/GRAPHICS.md` has the table).
    public init(levels: Int = 64, registers: Int = 256) {
        palette = SixelPalette(levels: levels, registers: registers)
    }

    public init(palette: SixelPalette) { self.palette = palette }

    /// Pixels a pane of `rect` cells covers on a terminal with `cellPixels` cells.
    public static func pixelSize(for rect: Rect, cellPixels: Size) -> Size {
        Size(width: rect.width * cellPixels.width, height: rect.height * cellPixels.height)
    }

    /// The image drawn with its top-left corner at cell (`x`, `y`) (0-based), the
    /// cursor saved before and restored after, so curses' idea of it stays true.
    public func frame(_ image: GreyImage, atColumn x: Int, row y: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(estimatedCapacity(image) + 16)
        out.append(contentsOf: [0x1B, 0x37, 0x1B, 0x5B])   // ESC 7, CSI
        out.appendDecimal(y + 1); out.append(0x3B)
        out.appendDecimal(x + 1); out.append(0x48)           // H
        append(image, to: &out)
        out.append(contentsOf: [0x1B, 0x38])                 // ESC 8
        return out
    }

    /// The complete DCS … ST string for `image`, exactly its size.
    public func encode(_ image: GreyImage) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(estimatedCapacity(image))
        append(image, to: &out)
        return out
    }

    public func encodeString(_ image: GreyImage) -> String { String(decoding: encode(image), as: UTF8.self) }

    private func estimatedCapacity(_ image: GreyImage) -> Int {
        // Radiographs measured at roughly 1–1.5 bytes per pixel with 64 levels.
        image.width * image.height * 3 / 2 + palette.count * 16 + 64
    }

    public func append(_ image: GreyImage, to out: inout [UInt8]) {
        // ESC P 0;1;0 q: aspect from raster attributes, unpainted pixels left alone.
        out.append(contentsOf: Array("\u{1B}P0;1;0q\"1;1;".utf8))
        out.appendDecimal(image.width); out.append(0x3B)
        out.appendDecimal(image.height)
        for (i, p) in palette.percents.enumerated() {
            out.append(0x23); out.appendDecimal(i)
            out.append(contentsOf: [0x3B, 0x32, 0x3B])       // ;2;
            out.appendDecimal(Int(p)); out.append(0x3B)
            out.appendDecimal(Int(p)); out.append(0x3B)
            out.appendDecimal(Int(p))
        }
        if image.width > 0 && image.height > 0 { appendBands(image, to: &out) }
        out.append(contentsOf: [0x1B, 0x5C])                 // ST
    }

    private func appendBands(_ image: GreyImage, to out: inout [UInt8]) {
        let w = image.width, h = image.height, levels = palette.count
        // Sixel bits per register and column for the current band; only the
        // columns a register touched are read and cleared again.
        var bits = [UInt8](repeating: 0, count: levels * w)
        var first = [Int](repeating: Int.max, count: levels)
        var last = [Int](repeating: -1, count: levels)
        var used: [Int] = []
        used.reserveCapacity(levels)
        let lut = palette.registerForLevel
        let bands = (h + 5) / 6
        image.pixels.withUnsafeBufferPointer { px in
            lut.withUnsafeBufferPointer { lut in
                bits.withUnsafeMutableBufferPointer { bits in
                    for band in 0..<bands {
                        let y0 = band * 6
                        for r in 0..<min(6, h - y0) {
                            let bit = UInt8(1 << r)
                            let row = (y0 + r) * w
                            for x in 0..<w {
                                let c = Int(lut[Int(px[row + x])])
                                bits[c * w + x] |= bit
                                if last[c] < 0 { first[c] = x; used.append(c) }
                                else if x < first[c] { first[c] = x }
                                if x > last[c] { last[c] = x }
                            }
                        }
                        used.sort()
                        for (n, c) in used.enumerated() {
                            if n > 0 { out.append(0x24) }                // $
                            out.append(0x23); out.appendDecimal(c)      // #c
                            let base = c * w
                            if first[c] > 0 { out.appendSixelRun(0, count: first[c]) }
                            var prev = bits[base + first[c]]
                            var run = 1
                            bits[base + first[c]] = 0
                            var x = first[c] + 1
                            while x <= last[c] {
                                let b = bits[base + x]
                                bits[base + x] = 0
                                if b == prev { run += 1 } else {
                                    out.appendSixelRun(prev, count: run)
                                    prev = b; run = 1
                                }
                                x += 1
                            }
                            out.appendSixelRun(prev, count: run)
                            first[c] = Int.max; last[c] = -1
                        }
                        used.removeAll(keepingCapacity: true)
                        // No `-` after the last band: it would move the cursor a line down.
                        if band + 1 < bands { out.append(0x2D) }
                    }
                }
            }
        }
    }
}

extension Array where Element == UInt8 {
    @inline(__always)
    mutating func appendDecimal(_ value: Int) {
        precondition(value >= 0, "only non-negative numbers appear in these sequences")
        if value < 10 { append(UInt8(0x30 + value)); return }
        var divisor = 10
        while divisor <= value / 10 { divisor *= 10 }
        var v = value
        while divisor > 0 {
            append(UInt8(0x30 + v / divisor))
            v %= divisor
            divisor /= 10
        }
    }

    /// `count` columns of the sixel `bits`; `!count` once a run is long enough to save bytes.
    @inline(__always)
    mutating func appendSixelRun(_ bits: UInt8, count: Int) {
        let ch = 0x3F &+ bits
        if count > 3 {
            append(0x21); appendDecimal(count); append(ch)
        } else {
            for _ in 0..<count { append(ch) }
        }
    }
}
