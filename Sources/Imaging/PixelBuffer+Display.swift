extension PixelBuffer {
    public var modalityLUT: ModalityLUT { ModalityLUT(slope: rescaleSlope, intercept: rescaleIntercept) }

    /// Stored value → modality value: the Modality LUT Sequence when present, else the rescale.
    @inline(__always) public func modalityValue(_ stored: Int32) -> Double {
        if let table = modalityTable { return Double(table.apply(Int(stored))) }
        return Double(stored) * rescaleSlope + rescaleIntercept
    }

    /// Min, max and mean of the modality values of all frames (or one).
    public func modalityStats(frame: Int? = nil) -> ModalityLUT.Stats? {
        let slice = frame.map { self.frame($0) } ?? values[...]
        guard modalityTable != nil else { return modalityLUT.stats(slice) }
        var lo = Double.infinity, hi = -Double.infinity, sum = 0.0
        for v in slice {
            let m = modalityValue(v)
            lo = Swift.min(lo, m); hi = Swift.max(hi, m); sum += m
        }
        return slice.isEmpty ? nil : ModalityLUT.Stats(min: lo, max: hi, mean: sum / Double(slice.count))
    }

    /// The window used when the caller gives none: the first stored window, else
    /// one covering the frame's modality range.
    public func defaultWindow(frame: Int = 0) -> VOIWindow {
        if let first = windows.first { return VOIWindow(first, function: voiFunction) }
        guard let stats = modalityStats(frame: frame) else { return VOIWindow(center: 0, width: 1) }
        return .covering(min: stats.min, max: stats.max)
    }

    /// Stored values → modality LUT → VOI window (or VOI LUT) → MONOCHROME1 inversion → 8-bit grey.
    /// `invert` flips the result again (the reader's invert key). With neither `window` nor
    /// `voiTable` given: the first stored window, else the first VOI LUT, else the frame's range.
    /// Evaluated through a lookup table over the frame's stored range, so the cost per
    /// pixel is one load whatever the VOI function.
    public func display(frame: Int = 0, window: VOIWindow? = nil, invert: Bool = false, voiTable: LookupTable? = nil) throws -> DisplayImage {
        guard frame >= 0 && frame < frames else {
            throw ImagingError.invalidRequest(field: "frame", problem: "frame \(frame) is outside 0..<\(frames)")
        }
        let table = window == nil ? (voiTable ?? (windows.isEmpty ? voiTables.first : nil)) : nil
        let win = window ?? defaultWindow(frame: frame)
        let flip = (photometric == .monochrome1) != invert
        @inline(__always) func level(_ v: Int32) -> UInt8 {
            let m = modalityValue(v)
            let l = table.map { $0.level(m) } ?? win.level(m)
            return flip ? 255 - l : l
        }
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
                    var lookup = [UInt8](repeating: 0, count: span)
                    for i in 0..<span { lookup[i] = level(Int32(Int(lo) + i)) }
                    let offset = Int(lo)
                    lookup.withUnsafeBufferPointer { t in
                        for j in 0..<count { o[j] = t[Int(stored[j]) - offset] }
                    }
                } else {
                    for j in 0..<count { o[j] = level(stored[j]) }
                }
            }
        }
        return DisplayImage(width: columns, height: rows, pixels: out)
    }
}
