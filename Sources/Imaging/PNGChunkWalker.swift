/// Walks the chunk structure of a PNG before libpng sees it, so that errors can
/// name the chunk and its byte offset, and so that absurd dimensions are refused
/// before anything is allocated. Pure: bytes in, header or error out.
struct PNGChunkWalker {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    struct Header: Equatable {
        var width: Int
        var height: Int
        var bitDepth: Int
        var colorType: Int
        var interlace: Int
        /// Offset of the first IDAT chunk (where zlib problems are reported).
        var firstIDATOffset: Int
        /// gAMA × 100000 when present.
        var gamma: Int? = nil
        /// Ancillary chunks that make libpng's simplified API transform samples.
        var hasColourChunks = false
        var hasSRGB = false

        /// Bits per pixel, or nil for a colour type PNG does not define (libpng rejects those).
        var bitsPerPixel: Int? {
            let channels: Int
            switch colorType {
            case 0, 3: channels = 1
            case 2: channels = 3
            case 4: channels = 2
            case 6: channels = 4
            default: return nil
            }
            return channels * bitDepth
        }
    }

    static func hasSignature(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 8 && Array(bytes[0..<8]) == signature
    }

    static func walk(_ bytes: [UInt8], file: String) throws -> Header {
        func fail(_ chunk: String?, _ offset: Int?, _ problem: String) -> ImagingError {
            .png(file: file, chunk: chunk, offset: offset, problem: problem)
        }
        guard hasSignature(bytes) else { throw fail(nil, 0, "not a PNG file (signature missing)") }
        var offset = 8
        var header: Header?
        var firstIDAT: Int?
        var idatBytes = 0
        var sawEnd = false
        var gamma: Int?
        var hasSRGB = false, hasColourChunks = false
        while offset < bytes.count {
            guard offset + 8 <= bytes.count else {
                throw fail(nil, offset, "file ends inside a chunk header (truncated)")
            }
            let length = Int(be32(bytes, offset))
            let typeBytes = bytes[(offset + 4)..<(offset + 8)]
            let type = String(decoding: typeBytes.map { (0x41...0x7A).contains($0) ? $0 : 0x3F }, as: UTF8.self)
            guard length <= 0x7FFF_FFFF else { throw fail(type, offset, "chunk length \(length) exceeds 2^31-1") }
            guard offset + 12 + length <= bytes.count else {
                throw fail(type, offset, "chunk length \(length) runs past the end of the file (truncated)")
            }
            let stored = be32(bytes, offset + 8 + length)
            let computed = CRC32.checksum(bytes[(offset + 4)..<(offset + 8 + length)])
            guard stored == computed else {
                throw fail(type, offset, "CRC mismatch (stored \(hex(stored)), computed \(hex(computed)))")
            }
            if header == nil {
                guard type == "IHDR", length == 13 else { throw fail(type, offset, "first chunk must be a 13-byte IHDR") }
                let d = offset + 8
                let width = Int(be32(bytes, d)), height = Int(be32(bytes, d + 4))
                guard width > 0, height > 0 else { throw fail("IHDR", offset, "image is \(width)×\(height)") }
                guard width <= 1 << 20, height <= 1 << 20, width * height <= PixelBuffer.maximumSampleCount else {
                    throw fail("IHDR", offset, "dimensions \(width)×\(height) exceed the limit of \(PixelBuffer.maximumSampleCount) pixels")
                }
                header = Header(width: width, height: height, bitDepth: Int(bytes[d + 8]), colorType: Int(bytes[d + 9]),
                                interlace: Int(bytes[d + 12]), firstIDATOffset: 0)
            }
            if type == "IDAT" {
                if firstIDAT == nil { firstIDAT = offset }
                idatBytes += length
            }
            if type == "gAMA" && length == 4 { gamma = Int(be32(bytes, offset + 8)) }
            if type == "sRGB" { hasSRGB = true }
            // cHRM is harmless for grey (no RGB-to-grey step); these are not.
            if ["iCCP", "tRNS", "sBIT"].contains(type) { hasColourChunks = true }
            offset += 12 + length
            if type == "IEND" { sawEnd = true; break }
        }
        guard var h = header else { throw fail(nil, 8, "no IHDR chunk") }
        guard let idat = firstIDAT else { throw fail(nil, offset, "no IDAT chunk (no image data)") }
        guard sawEnd else { throw fail(nil, offset, "no IEND chunk (truncated)") }
        // Deflate expands at most 1032:1, so a header claiming more pixels than the
        // image data could hold is refused here, before a decoder allocates for it.
        if let bits = h.bitsPerPixel {
            let pixelBytes = (h.width * h.height * bits + 7) / 8
            guard idatBytes * 1032 >= pixelBytes else {
                throw fail("IHDR", 8, "IDAT holds \(idatBytes) bytes, too few for \(h.width)×\(h.height) \(bits)-bit pixels")
            }
        }
        h.firstIDATOffset = idat
        h.gamma = gamma
        h.hasSRGB = hasSRGB
        h.hasColourChunks = hasColourChunks
        return h
    }

    static func be32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }

    private static func hex(_ v: UInt32) -> String {
        let s = String(v, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - s.count) + s
    }
}
