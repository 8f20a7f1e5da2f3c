import CPNG

// The report plots are colour; `PNGCodec`'s writer is private to its file, so
// the RGB encoder lives here with the same libpng simplified-API calls. This
// is the only other file that imports CPNG.
extension PNGCodec {
    /// 8-bit RGB PNG from `width × height × 3` bytes, top row first.
    public static func encodeRGB8(width: Int, height: Int, samples: [UInt8]) throws -> [UInt8] {
        guard width > 0, height > 0, samples.count == width * height * 3 else {
            throw ImagingError.invalidRequest(field: "samples", problem: "expected \(width)×\(height)×3 bytes, got \(samples.count)")
        }
        return try samples.withUnsafeBytes { buffer throws -> [UInt8] in
            var image = png_image()
            image.version = UInt32(PNG_IMAGE_VERSION)
            image.width = UInt32(width)
            image.height = UInt32(height)
            image.format = 2  // PNG_FORMAT_RGB (PNG_FORMAT_FLAG_COLOR)
            var size: png_alloc_size_t = 0
            guard png_image_write_to_memory(&image, nil, &size, 0, buffer.baseAddress, 0, nil) != 0 else {
                throw ImagingError.png(file: "(encoder)", chunk: nil, offset: nil, problem: "libpng could not size the RGB image")
            }
            var out = [UInt8](repeating: 0, count: Int(size))
            let ok = out.withUnsafeMutableBytes { png_image_write_to_memory(&image, $0.baseAddress, &size, 0, buffer.baseAddress, 0, nil) }
            guard ok != 0 else {
                throw ImagingError.png(file: "(encoder)", chunk: nil, offset: nil, problem: "libpng could not write the RGB image")
            }
            return Array(out.prefix(Int(size)))
        }
    }
}
