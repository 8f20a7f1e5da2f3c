extension PixelBuffer {
    public var modalityLUT: ModalityLUT { ModalityLUT(slope: rescaleSlope, intercept: rescaleIntercept) }

    /// The window used when the caller gives none: the first stored window, else
    /// one covering the frame's modality range.
    public func defaultWindow(frame: Int = 0) -> VOIWindow {
        if let first = windows.first { return VOIWindow(first, function: voiFunction) }
        guard let stats = modalityLUT.stats(self.frame(frame)) else { return VOIWindow(center: 0, width: 1) }
        return .covering(min: stats.min, max: stats.max)
    }

    /// Stored values → modality LUT → VOI window → MONOCHROME1 inversion → 8-bit grey.
    /// `invert` flips the result again (the reader's invert key).
    /// Evaluated through a lookup table over the frame's stored range, so the cost per
    /// pixel is one load whatever the VOI function.
    public func display(frame: Int = 0, window: VOIWindow? = nil, invert: Bool = false) throws -> DisplayImage {
        guard frame >= 0 && frame < frames else {
            throw ImagingError.invalidRequest(field: "frame", problem: "frame \(frame) is outside 0..<\(frames)")
        }
        let win = window ?? defaultWindow(frame: frame)
        let flip = (photometric == .monochrome1) != invert
        let lut = modalityLUT
        let stored = self.frame(frame)
        var lo = Int32.max, hi = Int32.min
        for v in stored {
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
        var out = [UInt8](repeating: 0, count: stored.count)
        guard !stored.isEmpty else { return DisplayImage(width: columns, height: rows, pixels: out) }
        let span = Int(hi) - Int(lo) + 1
        if span <= 1 << 20 {
            var table = [UInt8](repeating: 0, count: span)
            for i in 0..<span {
                let level = win.level(lut.apply(Int32(Int(lo) + i)))
                table[i] = flip ? 255 - level : level
            }
            let base = Int(lo)
            table.withUnsafeBufferPointer { t in
                out.withUnsafeMutableBufferPointer { o in
                    var j = 0
                    for v in stored {
                        o[j] = t[Int(v) - base]
                        j += 1
                    }
                }
            }
        } else {
            var j = 0
            for v in stored {
                let level = win.level(lut.apply(v))
                out[j] = flip ? 255 - level : level
                j += 1
            }
        }
        return DisplayImage(width: columns, height: rows, pixels: out)
    }
}
