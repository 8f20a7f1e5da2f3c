/// Kitty graphics protocol sequences for an 8-bit grey image sent as PNG (f=100),
/// base64 in chunks of at most 4096 bytes (m=1 on all but the last), as the protocol
/// requires. Pure: the backend writes the bytes at the pane's top-left cell.
public enum KittyGraphics {
    public static let chunkSize = 4096

    /// Transmit and display image `id` scaled into `columns` × `rows` cells; q=2 silences
    /// replies (so none can leak as keystrokes), C=1 leaves the cursor where it was.
    public static func display(_ image: DisplayImage, id: UInt32, columns: Int, rows: Int) throws -> [UInt8] {
        let png = try PNGCodec.encodeGrey8(width: image.width, height: image.height, samples: image.pixels, fast: true)
        let payload = base64(png)
        var out: [UInt8] = []
        var offset = 0
        var first = true
        repeat {
            let end = min(offset + chunkSize, payload.count)
            let more = end < payload.count
            let control = first
                ? "a=T,f=100,i=\(id),c=\(columns),r=\(rows),q=2,C=1,m=\(more ? 1 : 0)"
                : "m=\(more ? 1 : 0)"
            out += Array("\u{1B}_G\(control);".utf8)
            out += payload[offset..<end]
            out += Array("\u{1B}\\".utf8)
            offset = end
            first = false
        } while offset < payload.count
        return out
    }

    /// Delete image `id` and free its data.
    public static func delete(id: UInt32) -> [UInt8] { Array("\u{1B}_Ga=d,d=I,i=\(id),q=2\u{1B}\\".utf8) }

    static func base64(_ bytes: [UInt8]) -> [UInt8] {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let v = Int(bytes[i]) << 16 | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2])
            out += [table[v >> 18], table[(v >> 12) & 63], table[(v >> 6) & 63], table[v & 63]]
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let v = Int(bytes[i]) << 16
            out += [table[v >> 18], table[(v >> 12) & 63], 0x3D, 0x3D]
        } else if rest == 2 {
            let v = Int(bytes[i]) << 16 | Int(bytes[i + 1]) << 8
            out += [table[v >> 18], table[(v >> 12) & 63], table[(v >> 6) & 63], 0x3D]
        }
        return out
    }
}
