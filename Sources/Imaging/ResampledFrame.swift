/// One frame's modality values resampled to a pane's size, kept in floating point so
/// that changing the window (every W/L key press) re-windows only the small image.
/// Averaging happens before windowing, as on a diagnostic viewer: a window narrower
/// than the averaged detail still shows its mean level.
public struct ResampledFrame: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Modality values (rescale applied), row-major.
    public let values: [Float]
    public let photometric: PixelBuffer.Photometric
    public let minimum: Float
    public let maximum: Float

    /// 8-bit image through a VOI LUT (MONOCHROME1 inverted, `invert` flips again).
    public func display(voiTable: LookupTable, invert: Bool = false) -> DisplayImage {
        let flip = (photometric == .monochrome1) != invert
        let out = values.map { v -> UInt8 in
            let level = voiTable.level(Double(v))
            return flip ? 255 - level : level
        }
        return DisplayImage(width: width, height: height, pixels: out)
    }

    /// 8-bit image through the VOI window (MONOCHROME1 inverted, `invert` flips again).
    public func display(window: VOIWindow, invert: Bool = false) -> DisplayImage {
        let flip = (photometric == .monochrome1) != invert
        var out = [UInt8](repeating: 0, count: values.count)
        out.withUnsafeMutableBufferPointer { o in
            values.withUnsafeBufferPointer { v in
                if let (a, b) = window.linearCoefficients {
                    for i in 0..<v.count {
                        let y = Swift.min(255, Swift.max(0, (a * Double(v[i]) + b).rounded()))
                        let level = UInt8(y)
                        o[i] = flip ? 255 - level : level
                    }
                } else {
                    for i in 0..<v.count {
                        let level = window.level(Double(v[i]))
                        o[i] = flip ? 255 - level : level
                    }
                }
            }
        }
        return DisplayImage(width: width, height: height, pixels: out)
    }
}

extension PixelBuffer {
    /// Modality values of `frame` resampled to width × height (area-averaged down, bilinear up).
    public func resampled(frame: Int = 0, width: Int, height: Int) throws -> ResampledFrame {
        guard frame >= 0 && frame < frames else {
            throw ImagingError.invalidRequest(field: "frame", problem: "frame \(frame) is outside 0..<\(frames)")
        }
        guard width > 0, height > 0 else {
            throw ImagingError.invalidRequest(field: "size", problem: "target size \(width)×\(height) is empty")
        }
        let base = frame * pixelsPerFrame
        let plane = values.withUnsafeBufferPointer { all in
            Resampler.resample(UnsafeBufferPointer(rebasing: all[base..<(base + pixelsPerFrame)]), width: columns, height: rows,
                               toWidth: width, toHeight: height) { Float(modalityValue($0)) }
        }
        var lo = Float.infinity, hi = -Float.infinity
        for v in plane { lo = Swift.min(lo, v); hi = Swift.max(hi, v) }
        return ResampledFrame(width: width, height: height, values: plane, photometric: photometric, minimum: lo, maximum: hi)
    }
}
