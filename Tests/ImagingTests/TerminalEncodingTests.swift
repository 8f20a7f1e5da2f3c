import Foundation
import Testing
@testable import Imaging

@Suite struct TerminalEncodingTests {
    static func gradient(width: Int, height: Int) -> DisplayImage {
        DisplayImage(width: width, height: height, pixels: (0..<(width * height)).map { i in
            let x = i % width, y = i / width
            return UInt8((x * 255 / max(1, width - 1) + (y % 7) * 3) % 256)
        })
    }

    static let convert: String? = ["/usr/local/bin/convert", "/usr/bin/convert"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// ImageMagick, an independent decoder, reads our sixel back within the palette's quantisation.
    @Test func sixelDecodedByImageMagickMatchesSource() throws {
        guard let convert = Self.convert else { print("skipped: ImageMagick convert is not installed"); return }
        for (w, h, colors) in [(37, 13, 64), (64, 48, 256), (5, 1, 16)] {
            let image = Self.gradient(width: w, height: h)
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lightbox-sixel-\(getpid())-\(w)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let six = dir.appendingPathComponent("image.six"), raw = dir.appendingPathComponent("image.gray")
            try Data(SixelEncoder.encode(image, colors: colors)).write(to: six)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: convert)
            p.arguments = ["sixel:" + six.path, "-colorspace", "gray", "-depth", "8", "gray:" + raw.path]
            p.standardError = Pipe()
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
            let decoded = [UInt8](try Data(contentsOf: raw))
            #expect(decoded.count == w * h, "\(w)×\(h): decoded \(decoded.count) pixels")
            guard decoded.count == w * h else { continue }
            // Half a quantisation step, plus the percent rounding of sixel colours (±1.3 levels).
            let tolerance = 255.0 / Double(colors - 1) / 2 + 1.3 + 1
            let worst = zip(decoded, image.pixels).map { abs(Double($0) - Double($1)) }.max() ?? 0
            #expect(worst <= tolerance, "\(w)×\(h) \(colors) colours: worst error \(worst) > \(tolerance)")
        }
    }

    @Test func sixelStructure() {
        let bytes = SixelEncoder.encode(DisplayImage(width: 2, height: 7, pixels: [UInt8](repeating: 255, count: 14)), colors: 2)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("\u{1B}P0;1;0q\"1;1;2;7#0;2;0;0;0#1;2;100;100;100"))
        #expect(text.hasSuffix("\u{1B}\\"))
        // Two bands: rows 0-5 all white (~ = 63 + 63), then row 6 (@ = 63 + 1).
        #expect(text.contains("#1~~-#1@@-"))
    }

    @Test func kittySequenceStructure() throws {
        // Noise, so that the PNG is large enough to need several chunks.
        var state: UInt64 = 0x1234_5678
        let noise = (0..<60000).map { _ -> UInt8 in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return UInt8(truncatingIfNeeded: state >> 24)
        }
        let image = DisplayImage(width: 300, height: 200, pixels: noise)
        let bytes = try KittyGraphics.display(image, id: 7, columns: 40, rows: 12)
        let text = String(decoding: bytes, as: UTF8.self)
        let chunks = text.components(separatedBy: "\u{1B}\\").filter { !$0.isEmpty }
        #expect(chunks.count >= 2, "image large enough to need chunks")
        var payload = ""
        for (i, chunk) in chunks.enumerated() {
            #expect(chunk.hasPrefix("\u{1B}_G"))
            let body = chunk.dropFirst(3)
            let parts = body.split(separator: ";", maxSplits: 1)
            let control = String(parts[0]), data = parts.count > 1 ? String(parts[1]) : ""
            #expect(data.utf8.count <= KittyGraphics.chunkSize)
            if i == 0 { #expect(control == "a=T,f=100,i=7,c=40,r=12,q=2,C=1,m=1") }
            else { #expect(control == "m=\(i == chunks.count - 1 ? 0 : 1)") }
            if i < chunks.count - 1 { #expect(data.utf8.count % 4 == 0 && data.utf8.count == KittyGraphics.chunkSize) }
            payload += data
        }
        let png = try #require(Data(base64Encoded: payload))
        let decoded = try PNGCodec.decode([UInt8](png), file: "kitty")
        #expect(decoded.values.map { UInt8($0) } == image.pixels)
        #expect(String(decoding: KittyGraphics.delete(id: 7), as: UTF8.self) == "\u{1B}_Ga=d,d=I,i=7,q=2\u{1B}\\")
    }

    @Test func base64MatchesFoundation() {
        for n in 0..<10 {
            let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 * 91 + 7) }
            #expect(String(decoding: KittyGraphics.base64(bytes), as: UTF8.self) == Data(bytes).base64EncodedString())
        }
    }

    @Test func xterm256GreysAreNearest() {
        for v in 0...255 {
            let index = TerminalGrey.xterm256(UInt8(v))
            let shown = Int(TerminalGrey.level(ofXterm256: index)!)
            let best = ([0, 255] + (0..<24).map { 8 + 10 * $0 }).map { abs($0 - v) }.min()!
            #expect(abs(shown - v) == best, "level \(v) → index \(index)")
        }
    }
}
