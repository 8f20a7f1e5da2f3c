/// A single-channel float raster, row-major, used for every intermediate map
/// (path lengths, intensities, texture) before quantisation to stored values.
public struct FloatImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public var pixels: [Float]

    public init(width: Int, height: Int, fill: Float = 0) {
        precondition(width > 0 && height > 0, "empty raster")
        self.width = width
        self.height = height
        pixels = [Float](repeating: fill, count: width * height)
    }

    public subscript(x: Int, y: Int) -> Float {
        get { pixels[y * width + x] }
        set { pixels[y * width + x] = newValue }
    }

    /// Bilinear sample at pixel-centre coordinates, clamped at the border.
    func bilinear(_ x: Double, _ y: Double) -> Float {
        let fx = Math.clamp(x, 0, Double(width - 1)), fy = Math.clamp(y, 0, Double(height - 1))
        let x0 = Int(fx), y0 = Int(fy)
        let x1 = min(x0 + 1, width - 1), y1 = min(y0 + 1, height - 1)
        let tx = Float(fx - Double(x0)), ty = Float(fy - Double(y0))
        let top = pixels[y0 * width + x0] * (1 - tx) + pixels[y0 * width + x1] * tx
        let bottom = pixels[y1 * width + x0] * (1 - tx) + pixels[y1 * width + x1] * tx
        return top * (1 - ty) + bottom * ty
    }

    /// Separable Gaussian blur (kernel truncated at 3σ, edges clamped).
    public func blurred(sigma: Double) -> FloatImage {
        guard sigma > 0.05 else { return self }
        let radius = max(1, Int((3 * sigma).rounded(.up)))
        var kernel = [Float](repeating: 0, count: 2 * radius + 1)
        for i in -radius...radius { kernel[i + radius] = Float(Math.exp(-Double(i * i) / (2 * sigma * sigma))) }
        return convolvedSeparable(kernel)
    }

    /// The point-spread function of a truncated k-space acquisition: a sinc of main-lobe
    /// half-width `width` pixels with a gentle window, so sharp edges ring (Gibbs) as on MR.
    func truncationBlurred(width: Double, lobes: Int = 3) -> FloatImage {
        let radius = Int((Double(lobes) * width).rounded(.up))
        var kernel = [Float](repeating: 0, count: 2 * radius + 1)
        for i in -radius...radius {
            let x = Double(i) / width
            let sinc = i == 0 ? 1 : Math.sin(.pi * x) / (.pi * x)
            let window = 0.5 + 0.5 * Math.cos(.pi * Double(i) / Double(radius + 1))
            kernel[i + radius] = Float(sinc * window)
        }
        return convolvedSeparable(kernel)
    }

    /// Separable convolution with a symmetric kernel (normalised to unit sum), edges clamped.
    func convolvedSeparable(_ weights: [Float]) -> FloatImage {
        var kernel = weights
        let radius = kernel.count / 2
        let sum = kernel.reduce(0, +)
        for i in kernel.indices { kernel[i] /= sum }

        var temp = FloatImage(width: width, height: height)
        var out = FloatImage(width: width, height: height)
        let w = width, h = height
        pixels.withUnsafeBufferPointer { src in
            temp.pixels.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    let row = y * w
                    for x in 0..<w {
                        var acc: Float = 0
                        for k in -radius...radius {
                            let xx = min(max(x + k, 0), w - 1)
                            acc += kernel[k + radius] * src[row + xx]
                        }
                        dst[row + x] = acc
                    }
                }
            }
        }
        temp.pixels.withUnsafeBufferPointer { src in
            out.pixels.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    for k in -radius...radius {
                        let yy = min(max(y + k, 0), h - 1)
                        let weight = kernel[k + radius]
                        let srcRow = yy * w, dstRow = y * w
                        for x in 0..<w { dst[dstRow + x] += weight * src[srcRow + x] }
                    }
                }
            }
        }
        return out
    }

    /// Box-averaged reduction by an integer factor (used before wide blurs such as scatter).
    func downsampled(by factor: Int) -> FloatImage {
        guard factor > 1 else { return self }
        let w = max(1, width / factor), h = max(1, height / factor)
        var out = FloatImage(width: w, height: h)
        let norm = 1 / Float(factor * factor)
        for y in 0..<h {
            for x in 0..<w {
                var acc: Float = 0
                for dy in 0..<factor {
                    let sy = min(y * factor + dy, height - 1)
                    for dx in 0..<factor { acc += pixels[sy * width + min(x * factor + dx, width - 1)] }
                }
                out.pixels[y * w + x] = acc * norm
            }
        }
        return out
    }

    /// Bilinear resize to `width`×`height` (pixel centres aligned).
    func resized(width newWidth: Int, height newHeight: Int) -> FloatImage {
        var out = FloatImage(width: newWidth, height: newHeight)
        let sx = Double(width) / Double(newWidth), sy = Double(height) / Double(newHeight)
        for y in 0..<newHeight {
            let fy = (Double(y) + 0.5) * sy - 0.5
            for x in 0..<newWidth {
                out.pixels[y * newWidth + x] = bilinear((Double(x) + 0.5) * sx - 0.5, fy)
            }
        }
        return out
    }

    /// Band-limited noise with unit-ish standard deviation: white noise on a grid
    /// `featurePx` apart, interpolated and smoothed, so its spectrum peaks near 1/featurePx.
    static func bandLimitedNoise(width: Int, height: Int, featurePx: Double, rng: inout PhantomRandom) -> FloatImage {
        let step = max(1.0, featurePx)
        let gw = Int((Double(width) / step).rounded(.up)) + 2
        let gh = Int((Double(height) / step).rounded(.up)) + 2
        var grid = FloatImage(width: gw, height: gh)
        for i in grid.pixels.indices { grid.pixels[i] = Float(rng.gaussian()) }
        var out = FloatImage(width: width, height: height)
        for y in 0..<height {
            let gy = Double(y) / step + 0.5
            for x in 0..<width {
                out.pixels[y * width + x] = grid.bilinear(Double(x) / step + 0.5, gy)
            }
        }
        out = out.blurred(sigma: step * 0.35)
        // Interpolation and smoothing shrink the variance; restore it so callers can
        // reason in units of standard deviation.
        let n = Float(out.pixels.count)
        let mean = out.pixels.reduce(0, +) / n
        var variance: Float = 0
        for v in out.pixels { variance += (v - mean) * (v - mean) }
        let sd = max((variance / n).squareRoot(), 1e-6)
        for i in out.pixels.indices { out.pixels[i] = (out.pixels[i] - mean) / sd }
        return out
    }
}
