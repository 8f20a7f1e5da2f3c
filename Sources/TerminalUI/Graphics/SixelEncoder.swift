/// Encodes a grey image as a DECSIXEL device control string.
///
/// The image is cut into bands of six pixel rows. In each band, every register
/// that occurs gets one pass (`#n` then one sixel character per column, runs
/// compressed with `!count`), passes are separated by `$` (back to the band's
/// left edge) and bands by `-`. Bytes are built in one `[UInt8]`: per-pixel
/// `String` appends would cost more than the encoding itself.
public struct SixelEncoder: Sendable {
    public let palette: SixelPalette

    /// All 101 greys sixel can express by default (within 1 of the source):
    /// on a 1600×1200 pane that is ~1 MB and <10 ms, which xterm takes in ~25 ms.
    /// 64 levels (within 3, ~70 % of the bytes) suits slow links; the table
    /// and the measurements are in `Docs/GRAPHICS.md`.
    public init(levels: Int = SixelPalette.maximumLevels, registers: Int = 256) {
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
        // Radiographs measured at under 1 byte per pixel with 101 levels.
        image.width * image.height + palette.count * 16 + 64
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
        let bits = UnsafeMutablePointer<UInt8>.allocate(capacity: levels * w)
        bits.initialize(repeating: 0, count: levels * w)
        let first = UnsafeMutablePointer<Int>.allocate(capacity: levels)
        first.initialize(repeating: Int.max, count: levels)
        let last = UnsafeMutablePointer<Int>.allocate(capacity: levels)
        last.initialize(repeating: -1, count: levels)
        let used = UnsafeMutablePointer<Int>.allocate(capacity: levels)
        // A band's bytes go to scratch first: every register pass is at most
        // `#nnn`, one run for the leading gap and one byte per column, plus `$`.
        let scratchSize = levels * (w + 16) + 8
        var band = SixelBandWriter(capacity: scratchSize)
        defer {
            bits.deallocate(); first.deallocate(); last.deallocate(); used.deallocate()
            band.deallocate()
        }
        let bands = (h + 5) / 6
        image.pixels.withUnsafeBufferPointer { px in
            palette.registerForLevel.withUnsafeBufferPointer { lut in
                for b in 0..<bands {
                    let y0 = b * 6
                    var usedCount = 0
                    for r in 0..<min(6, h - y0) {
                        let bit = UInt8(1 << r)
                        let row = px.baseAddress! + (y0 + r) * w
                        for x in 0..<w {
                            let c = Int(lut[Int(row[x])])
                            bits[c * w + x] |= bit
                            if last[c] < 0 { first[c] = x; used[usedCount] = c; usedCount += 1 }
                            else if x < first[c] { first[c] = x }
                            if x > last[c] { last[c] = x }
                        }
                    }
                    var order = UnsafeMutableBufferPointer(start: used, count: usedCount)
                    order.sort()
                    band.count = 0
                    for n in 0..<usedCount {
                        let c = used[n]
                        if n > 0 { band.put(0x24) }                       // $
                        band.put(0x23); band.putDecimal(c)               // #c
                        let row = bits + c * w
                        let lo = first[c], hi = last[c]
                        if lo > 0 { band.putRun(0, count: lo) }
                        var prev = row[lo]
                        var run = 1
                        var x = lo + 1
                        while x <= hi {
                            if prev == 0 {
                                // Gaps between a register's pixels are long: skip them a word at a time.
                                while x + 8 <= hi + 1,
                                      UnsafeRawPointer(row + x).loadUnaligned(as: UInt64.self) == 0 {
                                    x += 8; run += 8
                                }
                                if x > hi { break }
                            }
                            let v = row[x]
                            if v == prev { run += 1 } else {
                                band.putRun(prev, count: run)
                                prev = v; run = 1
                            }
                            x += 1
                        }
                        band.putRun(prev, count: run)
                        (row + lo).update(repeating: 0, count: hi - lo + 1)
                        first[c] = Int.max; last[c] = -1
                    }
                    // No `-` after the last band: it would move the cursor a line down.
                    if b + 1 < bands { band.put(0x2D) }
                    precondition(band.count <= scratchSize, "sixel band overflowed its bound")
                    out.append(contentsOf: UnsafeBufferPointer(start: band.bytes, count: band.count))
                }
            }
        }
    }
}

/// Bytes of one sixel band, written without per-byte capacity checks (the
/// caller sizes it for the worst case).
struct SixelBandWriter {
    let bytes: UnsafeMutablePointer<UInt8>
    var count = 0

    init(capacity: Int) { bytes = .allocate(capacity: capacity) }
    func deallocate() { bytes.deallocate() }

    @inline(__always) mutating func put(_ b: UInt8) { bytes[count] = b; count += 1 }

    @inline(__always) mutating func putDecimal(_ value: Int) {
        if value < 10 { put(UInt8(0x30 + value)); return }
        var divisor = 10
        while divisor <= value / 10 { divisor *= 10 }
        var v = value
        while divisor > 0 {
            put(UInt8(0x30 + v / divisor))
            v %= divisor
            divisor /= 10
        }
    }

    /// `count` columns of the sixel `bits`; `!count` once a run is long enough to save bytes.
    @inline(__always) mutating func putRun(_ bits: UInt8, count n: Int) {
        let ch = 0x3F &+ bits
        if n > 3 {
            put(0x21); putDecimal(n); put(ch)
        } else {
            for _ in 0..<n { put(ch) }
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
}
