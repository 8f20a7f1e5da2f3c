extension DisplayImage {
    /// Resized copy: each axis area-averaged when shrinking, bilinear when enlarging (see `Resampler`).
    public func resampled(width newWidth: Int, height newHeight: Int) -> DisplayImage {
        precondition(newWidth >= 0 && newHeight >= 0, "resampled: negative size")
        if newWidth == width && newHeight == height { return self }
        if newWidth == 0 || newHeight == 0 || width == 0 || height == 0 {
            return DisplayImage(width: newWidth, height: newHeight, pixels: [UInt8](repeating: 0, count: newWidth * newHeight))
        }
        let result = pixels.withUnsafeBufferPointer {
            Resampler.resample($0, width: width, height: height, toWidth: newWidth, toHeight: newHeight) { Float($0) }
        }
        return DisplayImage(width: newWidth, height: newHeight, pixels: result.map { UInt8(Swift.min(255, Swift.max(0, $0.rounded()))) })
    }
}
