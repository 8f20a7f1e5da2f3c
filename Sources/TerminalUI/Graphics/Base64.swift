/// RFC 4648 base64 (standard alphabet, `=` padding), as the kitty graphics
/// protocol wants its payloads. TerminalUI imports no Foundation.
public enum Base64 {
    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    public static func encodedCount(_ byteCount: Int) -> Int { (byteCount + 2) / 3 * 4 }

    public static func encode(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0x3D, count: encodedCount(bytes.count))   // '='
        alphabet.withUnsafeBufferPointer { a in
            bytes.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    var i = 0, o = 0
                    let whole = src.count / 3 * 3
                    while i < whole {
                        let v = UInt32(src[i]) << 16 | UInt32(src[i + 1]) << 8 | UInt32(src[i + 2])
                        dst[o] = a[Int(v >> 18)]
                        dst[o + 1] = a[Int(v >> 12 & 63)]
                        dst[o + 2] = a[Int(v >> 6 & 63)]
                        dst[o + 3] = a[Int(v & 63)]
                        i += 3; o += 4
                    }
                    let rest = src.count - whole
                    if rest > 0 {
                        let b1 = rest == 2 ? UInt32(src[i + 1]) : 0
                        let v = UInt32(src[i]) << 16 | b1 << 8
                        dst[o] = a[Int(v >> 18)]
                        dst[o + 1] = a[Int(v >> 12 & 63)]
                        if rest == 2 { dst[o + 2] = a[Int(v >> 6 & 63)] }
                    }
                }
            }
        }
        return out
    }
}
