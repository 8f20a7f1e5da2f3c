import CPNG

/// PNG through libpng with memory I/O. The only file that imports CPNG.
///
/// libpng reports errors by longjmp, which Swift cannot host. Decoding therefore
/// runs in three layers: our chunk walker (structure, CRCs, dimensions — names the
/// chunk and offset), then libpng's simplified API, which catches every libpng error
/// internally and returns its message (zlib and filter errors), then the low-level
/// API with no transforms that could fail, which yields the exact stored samples
/// that the simplified API cannot give (it converts gamma). Once the simplified pass
/// has decoded the same bytes, the low-level pass has nothing left to fail on; if it
/// did, that is a broken invariant and traps.
public enum PNGCodec {
    public static func decode(_ bytes: [UInt8], file: String) throws -> PixelBuffer {
        let header = try PNGChunkWalker.walk(bytes, file: file)
        if simplifiedAPIIsExact(header) {
            return try decodeWithSimplifiedAPI(bytes, header: header, file: file)
        }
        try validateWithSimplifiedAPI(bytes, header: header, file: file)
        return try decodeExact(bytes, header: header, file: file)
    }

    /// The simplified API returns stored samples unchanged for 8- and 16-bit grey when the
    /// file's gamma is what the output format assumes (sRGB for 8-bit, linear for 16-bit,
    /// which is also its default for files without gamma information) and no chunk asks
    /// for colour management or transparency. Then one pass suffices (the common case for
    /// medical PNGs); otherwise the exact low-level pass follows a validating one.
    static func simplifiedAPIIsExact(_ h: PNGChunkWalker.Header) -> Bool {
        guard h.colorType == 0, !h.hasColourChunks else { return false }
        switch h.bitDepth {
        case 8: return (h.gamma == nil || h.gamma == 45455) && (h.hasSRGB || h.gamma == nil)
        case 16: return !h.hasSRGB && (h.gamma == nil || h.gamma == 100_000)
        default: return false
        }
    }

    private static func decodeWithSimplifiedAPI(_ bytes: [UInt8], header: PNGChunkWalker.Header, file: String) throws -> PixelBuffer {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        let began = bytes.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
        guard began != 0 else { throw libpngError(message(of: image), header: header, file: file) }
        let n = header.width * header.height
        var values = [Int32](repeating: 0, count: n)
        var ok: Int32 = 0
        if header.bitDepth == 16 {
            image.format = 4 // PNG_FORMAT_LINEAR_Y
            var samples = [UInt16](repeating: 0, count: n)
            ok = samples.withUnsafeMutableBytes { png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }
            if ok != 0 { for i in 0..<n { values[i] = Int32(samples[i]) } }
        } else {
            image.format = 0 // PNG_FORMAT_GRAY
            var samples = [UInt8](repeating: 0, count: n)
            ok = samples.withUnsafeMutableBytes { png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }
            if ok != 0 { for i in 0..<n { values[i] = Int32(samples[i]) } }
        }
        guard ok != 0 else {
            let text = message(of: image)
            png_image_free(&image)
            throw libpngError(text, header: header, file: file)
        }
        return PixelBuffer(rows: header.height, columns: header.width, bitsAllocated: header.bitDepth, bitsStored: header.bitDepth,
                           isSigned: false, samplesPerPixel: 1, photometric: .monochrome2, values: values)
    }

    /// 16-bit grey PNG (no gamma conversion: values are written exactly).
    public static func encodeGrey16(width: Int, height: Int, samples: [UInt16]) throws -> [UInt8] {
        guard width > 0, height > 0, samples.count == width * height else {
            throw ImagingError.invalidRequest(field: "samples", problem: "expected \(width)×\(height) samples, got \(samples.count)")
        }
        return try samples.withUnsafeBytes { try write(width: width, height: height, format: 4 /* PNG_FORMAT_LINEAR_Y */, buffer: $0.baseAddress!) }
    }

    /// 8-bit grey PNG. `fast` trades size for speed (libpng's PNG_IMAGE_FLAG_FAST), for
    /// images sent to a terminal every frame.
    public static func encodeGrey8(width: Int, height: Int, samples: [UInt8], fast: Bool = false) throws -> [UInt8] {
        guard width > 0, height > 0, samples.count == width * height else {
            throw ImagingError.invalidRequest(field: "samples", problem: "expected \(width)×\(height) samples, got \(samples.count)")
        }
        return try samples.withUnsafeBytes {
            try write(width: width, height: height, format: 0 /* PNG_FORMAT_GRAY */, buffer: $0.baseAddress!, fast: fast)
        }
    }

    // MARK: - Decoding

    /// The validating + exact two-pass decode, whatever the file (tests compare it with `decode`).
    static func decodeExactForTesting(_ bytes: [UInt8], file: String) throws -> PixelBuffer {
        let header = try PNGChunkWalker.walk(bytes, file: file)
        try validateWithSimplifiedAPI(bytes, header: header, file: file)
        return try decodeExact(bytes, header: header, file: file)
    }

    private static func validateWithSimplifiedAPI(_ bytes: [UInt8], header: PNGChunkWalker.Header, file: String) throws {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        let began = bytes.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
        guard began != 0 else { throw libpngError(message(of: image), header: header, file: file) }
        image.format = 0 // PNG_FORMAT_GRAY: cheapest full decode
        var scratch = [UInt8](repeating: 0, count: header.width * header.height)
        let finished = scratch.withUnsafeMutableBytes { png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }
        if finished == 0 {
            let text = message(of: image)
            png_image_free(&image)
            throw libpngError(text, header: header, file: file)
        }
    }

    private static func message(of image: png_image) -> String {
        withUnsafeBytes(of: image.message) { raw in
            let chars = raw.prefix { $0 != 0 }
            return String(decoding: chars, as: UTF8.self)
        }
    }

    private static let chunkNames = ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT",
                                     "bKGD", "hIST", "pHYs", "sPLT", "tIME", "tEXt", "zTXt", "iTXt"]

    private static func libpngError(_ text: String, header: PNGChunkWalker.Header, file: String) -> ImagingError {
        let chunk = chunkNames.first { text.contains($0) } ?? "IDAT"
        let offset = chunk == "IDAT" ? header.firstIDATOffset : nil
        return .png(file: file, chunk: chunk, offset: offset, problem: "libpng: \(text.isEmpty ? "unknown error" : text)")
    }

    /// Memory source for libpng's read callback.
    private final class Source {
        let base: UnsafePointer<UInt8>
        let count: Int
        var offset = 0
        var overrun = false
        init(base: UnsafePointer<UInt8>, count: Int) { self.base = base; self.count = count }
    }

    private static func decodeExact(_ bytes: [UInt8], header: PNGChunkWalker.Header, file: String) throws -> PixelBuffer {
        try bytes.withUnsafeBufferPointer { buffer -> PixelBuffer in
            let source = Source(base: buffer.baseAddress!, count: buffer.count)
            let context = Unmanaged.passUnretained(source).toOpaque()
            let onError: @convention(c) (png_structp?, png_const_charp?) -> Void = { _, msg in
                let text = msg.map { String(cString: $0) } ?? "?"
                fatalError("libpng failed on a PNG it had already decoded: \(text)")
            }
            let onWarning: @convention(c) (png_structp?, png_const_charp?) -> Void = { _, _ in }
            let onRead: @convention(c) (png_structp?, png_bytep?, Int) -> Void = { png, out, length in
                guard let out, let io = png_get_io_ptr(png) else { return }
                let src = Unmanaged<Source>.fromOpaque(io).takeUnretainedValue()
                let n = min(length, src.count - src.offset)
                if n > 0 { out.update(from: src.base + src.offset, count: n) }
                if n < length { (out + max(n, 0)).initialize(repeating: 0, count: length - max(n, 0)); src.overrun = true }
                src.offset += max(n, 0)
            }
            var png: png_structp? = png_create_read_struct(PNG_LIBPNG_VER_STRING, nil, onError, onWarning)
            guard png != nil else { throw ImagingError.png(file: file, chunk: nil, offset: nil, problem: "libpng could not start") }
            var info: png_infop? = png_create_info_struct(png)
            defer { png_destroy_read_struct(&png, &info, nil) }
            png_set_read_fn(png, context, onRead)
            png_set_benign_errors(png, 1)
            png_read_info(png, info)

            let colorType = Int(png_get_color_type(png, info))
            let bitDepth = Int(png_get_bit_depth(png, info))
            if colorType == 3 { png_set_palette_to_rgb(png) }
            if colorType == 0 && bitDepth < 8 { png_set_packing(png) }
            _ = png_set_interlace_handling(png)
            png_read_update_info(png, info)

            let width = Int(png_get_image_width(png, info)), height = Int(png_get_image_height(png, info))
            let channels = Int(png_get_channels(png, info))
            let depth = Int(png_get_bit_depth(png, info))
            let rowBytes = Int(png_get_rowbytes(png, info))
            precondition(width == header.width && height == header.height, "libpng disagrees with IHDR")
            precondition(rowBytes >= width * channels * (depth == 16 ? 2 : 1), "libpng row size too small")

            var raw = [UInt8](repeating: 0, count: rowBytes * height)
            raw.withUnsafeMutableBufferPointer { rawBuf in
                var rows: [png_bytep?] = (0..<height).map { rawBuf.baseAddress! + $0 * rowBytes }
                rows.withUnsafeMutableBufferPointer { png_read_image(png, $0.baseAddress) }
            }
            if source.overrun {
                throw ImagingError.png(file: file, chunk: "IDAT", offset: header.firstIDATOffset, problem: "image data ends early")
            }
            return makeBuffer(raw, width: width, height: height, rowBytes: rowBytes, channels: channels, depth: depth,
                              sourceColorType: colorType, sourceBitDepth: bitDepth)
        }
    }

    /// Grey channels are kept as stored; colour is reduced to luma (Rec. 601 weights, as most viewers).
    private static func makeBuffer(_ raw: [UInt8], width: Int, height: Int, rowBytes: Int, channels: Int, depth: Int,
                                   sourceColorType: Int, sourceBitDepth: Int) -> PixelBuffer {
        var values = [Int32](repeating: 0, count: width * height)
        let bytesPerSample = depth == 16 ? 2 : 1
        let isColour = channels >= 3
        raw.withUnsafeBufferPointer { r in
            values.withUnsafeMutableBufferPointer { v in
                for y in 0..<height {
                    var p = y * rowBytes
                    for x in 0..<width {
                        if bytesPerSample == 1 {
                            if isColour {
                                let s = 299 * Int(r[p]) + 587 * Int(r[p + 1]) + 114 * Int(r[p + 2])
                                v[y * width + x] = Int32((s + 500) / 1000)
                            } else {
                                v[y * width + x] = Int32(r[p])
                            }
                        } else {
                            @inline(__always) func s16(_ i: Int) -> Int { Int(r[i]) << 8 | Int(r[i + 1]) }
                            if isColour {
                                let s = 299 * s16(p) + 587 * s16(p + 2) + 114 * s16(p + 4)
                                v[y * width + x] = Int32((s + 500) / 1000)
                            } else {
                                v[y * width + x] = Int32(s16(p))
                            }
                        }
                        p += channels * bytesPerSample
                    }
                }
            }
        }
        let photometric: PixelBuffer.Photometric = sourceColorType == 3 ? .palette : (isColour ? .rgb : .monochrome2)
        let stored = isColour || sourceColorType == 3 ? depth : sourceBitDepth
        return PixelBuffer(rows: height, columns: width, frames: 1, bitsAllocated: depth, bitsStored: stored,
                           isSigned: false, samplesPerPixel: 1, photometric: photometric, values: values)
    }

    // MARK: - Encoding

    private static func write(width: Int, height: Int, format: UInt32, buffer: UnsafeRawPointer, fast: Bool = false) throws -> [UInt8] {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        if fast { image.flags = UInt32(PNG_IMAGE_FLAG_FAST) }
        image.width = UInt32(width)
        image.height = UInt32(height)
        image.format = format
        var size: png_alloc_size_t = 0
        guard png_image_write_to_memory(&image, nil, &size, 0, buffer, 0, nil) != 0 else {
            throw ImagingError.png(file: "(encoder)", chunk: nil, offset: nil, problem: "libpng: \(message(of: image))")
        }
        var out = [UInt8](repeating: 0, count: Int(size))
        let ok = out.withUnsafeMutableBytes { png_image_write_to_memory(&image, $0.baseAddress, &size, 0, buffer, 0, nil) }
        guard ok != 0 else {
            throw ImagingError.png(file: "(encoder)", chunk: nil, offset: nil, problem: "libpng: \(message(of: image))")
        }
        return Array(out.prefix(Int(size)))
    }
}
