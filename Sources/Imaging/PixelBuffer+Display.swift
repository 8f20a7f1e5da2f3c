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
        let base = frame * pixelsPerFrame, count = pixelsPerFrame
        var out = [UInt8](repeating: 0, count: count)
        values.withUnsafeBufferPointer { all in
            let stored = UnsafeBufferPointer(rebasing: all[base..<(base + count)])
            var lo = Int32.max, hi = Int32.min
            for v in stored {
                lo = Swift.min(lo, v)
                hi = Swift.max(hi, v)
            }
            guard count > 0 else { return }
            let span = Int(hi) - Int(lo) + 1
            out.withUnsafeMutableBufferPointer { o in
                if span <= 1 << 20 {
                    var table = [UInt8](repeating: 0, count: span)
                    for i in 0..<span {
                        let level = win.level(lut.apply(Int32(Int(lo) + i)))
                        table[i] = flip ? 255 - level : level
                    }
                    let offset = Int(lo)
                    table.withUnsafeBufferPointer { t in
                        for j in 0..<count { o[j] = t[Int(stored[j]) - offset] }
                    }
                } else {
                    for j in 0..<count {
                        let level = win.level(lut.apply(stored[j]))
                        o[j] = flip ? 255 - level : level
                    }
                }
            }
        }
        return DisplayImage(width: columns, height: rows, pixels: out)
    }
}
