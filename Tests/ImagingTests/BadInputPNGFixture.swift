/// Hand-built PNG files for the bad-input tests: signature, chunks with their own
/// CRC-32, and zlib streams made of stored (uncompressed) deflate blocks, so every
/// byte and offset is known without libpng's encoder and no binary fixture is
/// committed. Corruptions are applied to these bytes by the tests.
enum BadInputPNGFixture {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Offsets in a file made by `png(...)`: IHDR at 8, IDAT right after it.
    static let ihdrOffset = 8
    static let idatOffset = 33

    static func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }

    static func readBE32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }

    /// CRC-32 (ISO 3309, the one PNG uses), bitwise: slow, obviously right.
    static func crc32<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        return c ^ 0xFFFF_FFFF
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for x in bytes { a = (a + UInt32(x)) % 65521; b = (b + a) % 65521 }
        return b << 16 | a
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return be32(UInt32(data.count)) + body + be32(crc32(body))
    }

    /// zlib stream of one stored deflate block (raw must be < 65536 bytes).
    static func zlibStored(_ raw: [UInt8]) -> [UInt8] {
        let n = UInt16(raw.count)
        return [0x78, 0x01, 0x01, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8(~n >> 8)] + raw + be32(adler32(raw))
    }

    static func ihdr(width: UInt32, height: UInt32, bitDepth: UInt8 = 8, colorType: UInt8 = 0) -> [UInt8] {
        chunk("IHDR", be32(width) + be32(height) + [bitDepth, colorType, 0, 0, 0])
    }

    /// An 8-bit greyscale image whose pixel (x, y) is `10 * y + x`.
    static func grey8(width: Int = 4, height: Int = 3) -> (png: [UInt8], values: [Int32]) {
        var raw: [UInt8] = []
        var values: [Int32] = []
        for y in 0..<height {
            raw.append(0) // filter type None
            for x in 0..<width { raw.append(UInt8(10 * y + x)); values.append(Int32(10 * y + x)) }
        }
        let png = signature + ihdr(width: UInt32(width), height: UInt32(height))
            + chunk("IDAT", zlibStored(raw)) + chunk("IEND", [])
        return (png, values)
    }

    /// The grey8 image with its IDAT payload replaced (CRC recomputed, so only zlib can notice).
    static func grey8(idat: [UInt8]) -> [UInt8] {
        signature + ihdr(width: 4, height: 3) + chunk("IDAT", idat) + chunk("IEND", [])
    }
}
