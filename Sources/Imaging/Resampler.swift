/// Separable 1-D resampling shared by display images, stored-value frames and tensors:
/// area averaging when shrinking (every source sample contributes by the fraction of
/// it an output covers, so thin lines are not dropped), bilinear with aligned pixel
/// centres when enlarging.
struct Resampler {
    /// For output i: source indices start[i] ..< start[i] + count[i], weights at offset[i].
    let start: [Int]
    let count: [Int]
    let offset: [Int]
    let weights: [Float]
    let outputs: Int

    init(from n: Int, to m: Int) {
        var start = [Int](repeating: 0, count: m), count = [Int](repeating: 0, count: m), offset = [Int](repeating: 0, count: m)
        var weights: [Float] = []
        let scale = Double(n) / Double(m)
        for i in 0..<m {
            offset[i] = weights.count
            if m < n {
                let a = Double(i) * scale, b = Double(i + 1) * scale
                let first = Int(a.rounded(.down)), last = Swift.min(n - 1, Int((b - 1e-9).rounded(.down)))
                start[i] = first
                for j in first...last {
                    let covered = Swift.min(b, Double(j + 1)) - Swift.max(a, Double(j))
                    weights.append(Float(covered / scale))
                }
                count[i] = last - first + 1
            } else {
                let x = Swift.min(Swift.max((Double(i) + 0.5) * scale - 0.5, 0), Double(n - 1))
                let j = Swift.min(Int(x.rounded(.down)), n - 1)
                let f = Float(x - Double(j))
                start[i] = j
                if j + 1 < n && f > 0 {
                    weights += [1 - f, f]
                    count[i] = 2
                } else {
                    weights.append(1)
                    count[i] = 1
                }
            }
        }
        self.start = start
        self.count = count
        self.offset = offset
        self.weights = weights
        self.outputs = m
    }

    /// Resamples a width × height plane of any element convertible to Float.
    static func resample<T>(_ source: UnsafeBufferPointer<T>, width: Int, height: Int, toWidth: Int, toHeight: Int,
                            _ convert: (T) -> Float) -> [Float] {
        let h = Resampler(from: width, to: toWidth)
        let v = Resampler(from: height, to: toHeight)
        var mid = [Float](repeating: 0, count: toWidth * height)
        mid.withUnsafeMutableBufferPointer { m in
            h.weights.withUnsafeBufferPointer { w in
                for y in 0..<height {
                    let row = y * width, out = y * toWidth
                    for i in 0..<toWidth {
                        var acc: Float = 0
                        let s = row + h.start[i], o = h.offset[i]
                        for k in 0..<h.count[i] { acc += w[o + k] * convert(source[s + k]) }
                        m[out + i] = acc
                    }
                }
            }
        }
        var result = [Float](repeating: 0, count: toWidth * toHeight)
        result.withUnsafeMutableBufferPointer { r in
            mid.withUnsafeBufferPointer { m in
                v.weights.withUnsafeBufferPointer { w in
                    for j in 0..<toHeight {
                        let out = j * toWidth, o = v.offset[j]
                        for k in 0..<v.count[j] {
                            let weight = w[o + k], row = (v.start[j] + k) * toWidth
                            for i in 0..<toWidth { r[out + i] += weight * m[row + i] }
                        }
                    }
                }
            }
        }
        return result
    }
}
