import Foundation
import Testing
import TerminalUI
import TestSupport

/// The sixel encoder's output read back by ImageMagick, a decoder written by
/// other people: every pixel must be the register's grey (±1 for rounding)
/// and within the palette's quantisation of the source. Skips, saying so,
/// when ImageMagick is not installed (`apt-get install -y imagemagick`).
@Suite struct GraphicsImageMagickTests {
    /// An ImageMagick command-line tool (IM7 `magick` or IM6 `convert`), checked by its version text.
    static let imageMagick: String? = {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map(String.init)
        for name in ["magick", "convert"] {
            for dir in ["/usr/bin"] + dirs {
                let path = dir + "/" + name
                guard FileManager.default.isExecutableFile(atPath: path),
                      let out = try? run(path, ["-version"]), out.status == 0,
                      String(decoding: out.stdout, as: UTF8.self).contains("ImageMagick") else { continue }
                return path
            }
        }
        return nil
    }()

    static func run(_ tool: String, _ args: [String]) throws -> (status: Int32, stdout: Data) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, data)
    }

    /// Reads binary PGM (P5) or PPM (P6, which must be grey) into a GreyImage.
    static func readPNM(_ data: Data) throws -> GreyImage {
        let b = [UInt8](data)
        var i = 0, fields: [Int] = []
        let magic = String(decoding: b[0..<2], as: UTF8.self)
        i = 2
        while fields.count < 3 {
            while b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
            if b[i] == 0x23 { while b[i] != 0x0A { i += 1 }; continue }
            var v = 0
            while b[i] >= 0x30 && b[i] <= 0x39 { v = v * 10 + Int(b[i] - 0x30); i += 1 }
            fields.append(v)
        }
        i += 1
        let (w, h) = (fields[0], fields[1])
        try #require(fields[2] == 255, "8-bit samples expected")
        switch magic {
        case "P5": return GreyImage(width: w, height: h, pixels: Array(b[i..<(i + w * h)]))
        case "P6":
            var px = [UInt8](repeating: 0, count: w * h)
            for k in 0..<(w * h) {
                let (r, g, bl) = (b[i + 3 * k], b[i + 3 * k + 1], b[i + 3 * k + 2])
                try #require(r == g && g == bl, "pixel \(k) is not grey")
                px[k] = r
            }
            return GreyImage(width: w, height: h, pixels: px)
        default:
            Issue.record("not a binary PNM: \(magic)")
            return GreyImage(width: 0, height: 0, pixels: [])
        }
    }

    static func decodeWithImageMagick(_ sixel: [UInt8], tool: String) throws -> GreyImage {
        let dir = TempDirectory("lightbox-sixel")
        defer { dir.remove() }
        let six = dir.file("image.six"), png = dir.file("decoded.png"), ppm = dir.file("decoded.ppm")
        try Data(sixel).write(to: URL(fileURLWithPath: six))
        // Via PNG: ImageMagick 6.9.11 writes a sixel's colormapped image as all black
        // straight to PPM or txt:, but right to PNG.
        let r = try run(tool, [six, png])
        try #require(r.status == 0, "ImageMagick could not read the sixel file")
        let r2 = try run(tool, [png, "-depth", "8", ppm])
        try #require(r2.status == 0)
        return try readPNM(Data(contentsOf: URL(fileURLWithPath: ppm)))
    }

    static func check(_ source: GreyImage, levels: Int, tool: String) throws {
        let enc = SixelEncoder(levels: levels)
        let decoded = try decodeWithImageMagick(enc.encode(source), tool: tool)
        try #require(decoded.width == source.width && decoded.height == source.height,
                     "decoded \(decoded.width)×\(decoded.height), source \(source.width)×\(source.height)")
        let bound = 256 / enc.palette.count / 2 + 1
        var worst = 0, offRegister = 0
        for i in 0..<source.pixels.count {
            let d = Int(decoded.pixels[i])
            worst = max(worst, abs(d - Int(source.pixels[i])))
            if abs(d - Int(enc.palette.displayed(source.pixels[i]))) > 1 { offRegister += 1 }
        }
        #expect(worst <= bound, "\(levels) levels: max abs error \(worst) > \(bound)")
        #expect(offRegister == 0, "\(offRegister) pixels not shown as their register's grey")
    }

    @Test(.enabled(if: imageMagick != nil, "ImageMagick not installed: apt-get install -y imagemagick"),
          arguments: [16, 64, 101])
    func syntheticRadiographDecodesWithinQuantisation(levels: Int) throws {
        try Self.check(GraphicsTestImages.radiographLike(width: 321, height: 245), levels: levels, tool: Self.imageMagick!)
    }

    @Test(.enabled(if: imageMagick != nil, "ImageMagick not installed: apt-get install -y imagemagick"))
    func everyLevelDecodes() throws {
        try Self.check(GraphicsTestImages.ramp(width: 16), levels: 64, tool: Self.imageMagick!)
    }

    /// A real hand radiograph from ../shared/reference, read to 8-bit grey by ImageMagick itself.
    @Test(.enabled(if: imageMagick != nil, "ImageMagick not installed: apt-get install -y imagemagick"))
    func realRadiographDecodesWithinQuantisation() throws {
        guard let dir = SharedReference.directory("radiographs/radinformatics-bone-age-example-images") else {
            print(SharedReference.skipNote("radiographs")); return
        }
        let tool = Self.imageMagick!
        let r = try Self.run(tool, [dir.appendingPathComponent("0.png").path, "-colorspace", "Gray",
                                    "-resize", "400x400", "-depth", "8", "pgm:-"])
        try #require(r.status == 0)
        let source = try Self.readPNM(r.stdout)
        try #require(source.width > 100 && source.height > 100)
        try Self.check(source, levels: 64, tool: tool)
    }
}
