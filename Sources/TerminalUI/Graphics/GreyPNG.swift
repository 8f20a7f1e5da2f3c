/// The smallest honest PNG writer: 8-bit grey, filter 0, deflate "stored"
/// blocks (no compression). For the kitty protocol it carries one byte per
/// pixel instead of raw RGB's three, with nothing but CRC-32 and Adler-32 to
/// compute. Files are valid PNG that any decoder reads; they are not small.
public enum GreyPNG {
    public static func encode(_ image: GreyImage) -> [UInt8] {
        let w = image.width, h = image.height
        // Scanlines: a filter byte (0, none) before each row.
        let rawCount = (w + 1) * h
        var raw = [UInt8](repeating: 0, count: rawCount)
        raw.withUnsafeMutableBufferPointer { dst in
            image.pixels.withUnsafeBufferPointer { src in
                for y in 0..<h {
                    UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(dst)[(y * (w + 1) + 1)..<((y + 1) * (w + 1))])
                        .copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(src)[(y * w)..<((y + 1) * w)]))
                }
            }
        }
        let blocks = max(1, (rawCount + 65534) / 65535)
        let idatLength = 2 + rawCount + blocks * 5 + 4
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png.reserveCapacity(8 + 25 + 12 + idatLength + 12)
        png += chunk("IHDR", bigEndian(UInt32(w)) + bigEndian(UInt32(h)) + [8, 0, 0, 0, 0])
        // IDAT written in place, so its megabytes are copied once and checksummed where they lie.
        png += bigEndian(UInt32(idatLength))
        let typeStart = png.count
        png += Array("IDAT".utf8) + [0x78, 0x01]
        for b in 0..<blocks {
            let start = b * 65535, len = min(65535, rawCount - start)
            png.append(b + 1 == blocks ? 1 : 0)   // BFINAL, BTYPE 00 (stored)
            png += [UInt8(len & 0xFF), UInt8(len >> 8), UInt8(~len & 0xFF), UInt8((~len >> 8) & 0xFF)]
            png.append(contentsOf: raw[start..<(start + len)])
        }
        png += bigEndian(adler32(raw))
        let crc = png.withUnsafeBufferPointer { crc32(UnsafeBufferPointer(rebasing: $0[typeStart...])) }
        png += bigEndian(crc)
        png += chunk("IEND", [])
        return png
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + typed + bigEndian(crc32(typed))
    }

    static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
    }

    private static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { crc32($0) }
    }

    static func crc32(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        crcTable.withUnsafeBufferPointer { t in
            for b in bytes { c = t[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        }
        return c ^ 0xFFFF_FFFF
    }

    public static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        var i = 0
        bytes.withUnsafeBufferPointer { p in
            while i < p.count {
                // 5552 bytes is the most that cannot overflow 32 bits before the modulo.
                let end = min(p.count, i + 5552)
                while i < end { a &+= UInt32(p[i]); b &+= a; i += 1 }
                a %= 65521; b %= 65521
            }
        }
        return b << 16 | a
    }
}
