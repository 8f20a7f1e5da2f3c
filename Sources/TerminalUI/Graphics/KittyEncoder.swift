/// Builds kitty graphics protocol commands (APC `ESC _ G keys ; payload ESC \`).
///
/// The protocol has no grey format. Grey goes either as raw RGB (`f=24`, each
/// level three times; the default, understood by every implementation) or as
/// an uncompressed grey PNG (`f=100`, `GreyPNG`: a third of the bytes). Payloads are
/// base64 in chunks of at most 4096 bytes (`m=1` on all but the last, `m=0`
/// there); only the first chunk carries the other keys, as the protocol asks.
/// Every command has `q=2` so the terminal never answers (answers would arrive
/// as input). `C=1` keeps the cursor where it is.
public struct KittyEncoder: Sendable {
    public static let chunkSize = 4096

    public enum Format: Sendable { case rgb, png }
    public let format: Format
    /// Stacking against text (`z=`): nil leaves kitty's default (above text).
    public let zIndex: Int32?

    /// Below text *and* below cells with a non-default background, so anything
    /// curses draws over the pane (a help overlay, a menu) stays readable, while
    /// the pane's own blank, default-background cells show the image.
    public static let belowEverything: Int32 = -1_073_741_825

    public init(format: Format = .rgb, zIndex: Int32? = nil) { self.format = format; self.zIndex = zIndex }

    /// The transmit-and-display command for `image`, scaled by the terminal to
    /// `columns` × `rows` cells at the cursor.
    public func transmitAndPlace(_ image: GreyImage, columns: Int, rows: Int,
                                 imageID: UInt32, placementID: UInt32 = 1) -> [UInt8] {
        let place = "c=\(columns),r=\(rows),i=\(imageID),p=\(placementID)" + (zIndex.map { ",z=\($0)" } ?? "") + ",C=1,q=2"
        if format == .png {
            return KittyEncoder.command(keys: "a=T,f=100," + place, payload: Base64.encode(GreyPNG.encode(image)))
        }
        var rgb = [UInt8](repeating: 0, count: image.pixels.count * 3)
        image.pixels.withUnsafeBufferPointer { src in
            rgb.withUnsafeMutableBufferPointer { dst in
                for i in 0..<src.count {
                    let v = src[i]
                    dst[3 * i] = v; dst[3 * i + 1] = v; dst[3 * i + 2] = v
                }
            }
        }
        let keys = "a=T,f=24,s=\(image.width),v=\(image.height)," + place
        return KittyEncoder.command(keys: keys, payload: Base64.encode(rgb))
    }

    /// One frame of the image pane: cursor saved, moved to cell (`x`, `y`)
    /// (0-based), the new image sent and placed, cursor restored, and then the
    /// previous frame's image deleted with its data. Drawing the new image
    /// before removing the old avoids a blank flash, and alternating two ids
    /// does not rely on how a terminal treats re-sending an id that is on screen.
    public func frame(_ image: GreyImage, atColumn x: Int, row y: Int, columns: Int, rows: Int,
                      imageID: UInt32, replacing previousID: UInt32?) -> [UInt8] {
        precondition(previousID != imageID, "alternate two ids so the new frame is drawn before the old one goes")
        var out: [UInt8] = Array("\u{1B}7\u{1B}[\(y + 1);\(x + 1)H".utf8)
        out += transmitAndPlace(image, columns: columns, rows: rows, imageID: imageID)
        out += Array("\u{1B}8".utf8)
        if let previousID { out += KittyEncoder.delete(imageID: previousID) }
        return out
    }

    /// Removes the image's placements and, with `freeData`, its stored pixels too.
    public static func delete(imageID: UInt32, freeData: Bool = true) -> [UInt8] {
        Array("\u{1B}_Ga=d,d=\(freeData ? "I" : "i"),i=\(imageID),q=2\u{1B}\\".utf8)
    }

    /// Removes every image placement on screen, freeing data no longer referenced.
    public static let deleteAll: [UInt8] = Array("\u{1B}_Ga=d,d=A,q=2\u{1B}\\".utf8)

    /// `keys` on the first chunk, `m=` on each, payload split into `chunkSize` pieces.
    public static func command(keys: String, payload: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        let chunks = max(1, (payload.count + chunkSize - 1) / chunkSize)
        out.reserveCapacity(payload.count + chunks * 16 + keys.utf8.count)
        for n in 0..<chunks {
            out.append(contentsOf: [0x1B, 0x5F, 0x47])   // ESC _ G
            let more = n + 1 < chunks
            if n == 0 {
                out.append(contentsOf: Array(keys.utf8))
                if chunks > 1 { out.append(contentsOf: Array(",m=1".utf8)) }
            } else {
                out.append(contentsOf: Array((more ? "m=1" : "m=0").utf8))
            }
            out.append(0x3B)
            let start = n * chunkSize
            out.append(contentsOf: payload[start..<min(payload.count, start + chunkSize)])
            out.append(contentsOf: [0x1B, 0x5C])
        }
        return out
    }
}
