extension DisplayImage {
    /// Resized copy: each axis is area-averaged when shrinking (every source pixel
    /// contributes by its covered fraction, so thin fracture lines are not dropped)
    /// and bilinearly interpolated when enlarging (pixel centres aligned).
    public func resampled(width newWidth: Int, height newHeight: Int) -> DisplayImage {
        precondition(newWidth >= 0 && newHeight >= 0, "resampled: negative size")
        if newWidth == width && newHeight == height { return self }
        if newWidth == 0 || newHeight == 0 || width == 0 || height == 0 {
            return DisplayImage(width: newWidth, height: newHeight, pixels: [UInt8](repeating: 0, count: newWidth * newHeight))
        }
        let source = pixels.map { Float($0) }
        let horizontal = Resampler.axis(from: width, to: newWidth)
        let vertical = Resampler.axis(from: height, to: newHeight)
        // Rows first: width × height → newWidth × height.
        var mid = [Float](repeating: 0, count: newWidth * height)
        for y in 0..<height {
            Resampler.apply(horizontal, source, offset: y * width, stride: 1, into: &mid, outOffset: y * newWidth, outStride: 1)
        }
        var result = [Float](repeating: 0, count: newWidth * newHeight)
        for x in 0..<newWidth {
            Resampler.apply(vertical, mid, offset: x, stride: newWidth, into: &result, outOffset: x, outStride: newWidth)
        }
        let out = result.map { UInt8(Swift.min(255, Swift.max(0, $0.rounded()))) }
        return DisplayImage(width: newWidth, height: newHeight, pixels: out)
    }
}

/// Separable 1-D resampling weights, shared by display images and tensors.
enum Resampler {
    /// For each output sample: the source indices and weights (summing to 1).
    struct Axis {
        var start: [Int]
        var weights: [[Float]]
    }

    static func axis(from n: Int, to m: Int) -> Axis {
        var start = [Int](repeating: 0, count: m)
        var weights = [[Float]](repeating: [], count: m)
        if m < n {
            // Area averaging: output i covers source interval [i·s, (i+1)·s).
            let scale = Double(n) / Double(m)
            for i in 0..<m {
                let a = Double(i) * scale, b = Double(i + 1) * scale
                let first = Int(a.rounded(.down)), last = Swift.min(n - 1, Int((b - 1e-9).rounded(.down)))
                var w: [Float] = []
                for j in first...last {
                    let covered = Swift.min(b, Double(j + 1)) - Swift.max(a, Double(j))
                    w.append(Float(covered / scale))
                }
                start[i] = first
                weights[i] = w
            }
        } else {
            // Bilinear with aligned centres: x_src = (i + 0.5)·n/m − 0.5, clamped at the edges.
            let scale = Double(n) / Double(m)
            for i in 0..<m {
                let x = Swift.min(Swift.max((Double(i) + 0.5) * scale - 0.5, 0), Double(n - 1))
                let j = Swift.min(Int(x.rounded(.down)), n - 1)
                let f = Float(x - Double(j))
                if j + 1 < n && f > 0 {
                    start[i] = j
                    weights[i] = [1 - f, f]
                } else {
                    start[i] = j
                    weights[i] = [1]
                }
            }
        }
        return Axis(start: start, weights: weights)
    }

    static func apply(_ axis: Axis, _ src: [Float], offset: Int, stride: Int,
                      into dst: inout [Float], outOffset: Int, outStride: Int) {
        for i in 0..<axis.start.count {
            var acc: Float = 0
            var k = offset + axis.start[i] * stride
            for w in axis.weights[i] {
                acc += w * src[k]
                k += stride
            }
            dst[outOffset + i * outStride] = acc
        }
    }
}
