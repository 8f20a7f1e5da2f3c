/// Turns an image into the input tensor a CNN expects: windowed to [0, 1], resized
/// (area-averaging down, bilinear up), normalised per channel, NCHW with N = 1.
public struct CNNPreprocessing: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// Per-channel mean and standard deviation on the [0, 1] scale; their count is the channel count
    /// (grey is repeated into each channel, as ImageNet-trained models expect three).
    public var mean: [Float]
    public var std: [Float]

    public init(width: Int, height: Int, mean: [Float], std: [Float]) {
        self.width = width
        self.height = height
        self.mean = mean
        self.std = std
    }

    /// ImageNet statistics at 224 × 224.
    public static let imageNet = CNNPreprocessing(width: 224, height: 224, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225])

    public struct Tensor: Sendable, Equatable {
        public var values: [Float]
        /// [1, channels, height, width]
        public var shape: [Int]
    }

    /// From a display image (already windowed): levels / 255 → normalised.
    public func tensor(from image: DisplayImage) throws -> Tensor {
        guard width > 0, height > 0 else {
            throw ImagingError.invalidRequest(field: "size", problem: "target size \(width)×\(height) is empty")
        }
        guard !mean.isEmpty, mean.count == std.count, std.allSatisfy({ $0 > 0 }) else {
            throw ImagingError.invalidRequest(field: "normalisation", problem: "need one positive std per mean, got \(mean.count) means and \(std.count) stds")
        }
        guard image.width > 0, image.height > 0 else {
            throw ImagingError.invalidRequest(field: "image", problem: "image is empty")
        }
        // Resample in floating point so that no 8-bit rounding is added before the network.
        let plane = image.pixels.withUnsafeBufferPointer {
            Resampler.resample($0, width: image.width, height: image.height, toWidth: width, toHeight: height) { Float($0) / 255 }
        }
        var values = [Float]()
        values.reserveCapacity(plane.count * mean.count)
        for c in 0..<mean.count {
            let m = mean[c], s = std[c]
            values.append(contentsOf: plane.map { ($0 - m) / s })
        }
        return Tensor(values: values, shape: [1, mean.count, height, width])
    }

    /// From stored values: window (the given one or the image's default), then as above.
    public func tensor(from buffer: PixelBuffer, frame: Int = 0, window: VOIWindow? = nil) throws -> Tensor {
        try tensor(from: buffer.display(frame: frame, window: window))
    }
}
