/// DEC sixel encoding of an 8-bit grey image, for terminals that answer the
/// sixel capability query. Pure: image in, escape sequence out (the backend writes it
/// into the pane's rectangle, outside curses).
public enum SixelEncoder {
    /// `colors` grey registers (2...256; terminals commonly offer 256, VT340-like ones 16).
    /// Sixel colours are given in percent, so at most 101 distinct greys reach the screen.
    public static func encode(_ image: DisplayImage, colors: Int = 64) -> [UInt8] {
        let n = min(max(colors, 2), 256)
        let w = image.width, h = image.height
        var out: [UInt8] = []
        out.reserveCapacity(w * h / 2 + 64)
        func ascii(_ s: String) { out.append(contentsOf: s.utf8) }
        // P2 = 1: pixels left 0 keep the background; every pixel is painted anyway. "1;1 = square pixels.
        ascii("\u{1B}P0;1;0q\"1;1;\(w);\(h)")
        for i in 0..<n {
            let percent = (i * 100 + (n - 1) / 2) / (n - 1)
            ascii("#\(i);2;\(percent);\(percent);\(percent)")
        }
        guard w > 0, h > 0 else { ascii("\u{1B}\\"); return out }
        // Register of each pixel: nearest of the n evenly spaced levels.
        let index: [UInt8] = image.pixels.map { UInt8((Int($0) * (n - 1) + 127) / 255) }
        // One bit-row per register, filled in a single pass over the band's pixels; only
        // registers present in the band are cleared and emitted.
        var rows = [UInt8](repeating: 0, count: n * w)
        var used = [Bool](repeating: false, count: n)
        var present: [Int] = []
        var band = 0
        while band < h {
            let height = min(6, h - band)
            present.removeAll(keepingCapacity: true)
            index.withUnsafeBufferPointer { idx in
                rows.withUnsafeMutableBufferPointer { r in
                    for k in 0..<height {
                        let bit = UInt8(1) << UInt8(k), line = (band + k) * w
                        for x in 0..<w {
                            let c = Int(idx[line + x])
                            if !used[c] { used[c] = true; present.append(c) }
                            r[c * w + x] |= bit
                        }
                    }
                }
            }
            present.sort()
            for (i, c) in present.enumerated() {
                if i > 0 { out.append(0x24) }  // "$": back to the band's start
                ascii("#\(c)")
                let base = c * w
                var x = 0
                while x < w {
                    let value = rows[base + x]
                    var run = 1
                    while x + run < w && rows[base + x + run] == value { run += 1 }
                    let char = 63 + value
                    if run > 3 { ascii("!\(run)"); out.append(char) } else { for _ in 0..<run { out.append(char) } }
                    x += run
                }
                for x in 0..<w { rows[base + x] = 0 }
                used[c] = false
            }
            out.append(0x2D)  // "-": next band
            band += 6
        }
        ascii("\u{1B}\\")
        return out
    }
}
