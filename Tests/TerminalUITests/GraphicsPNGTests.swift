import Foundation
import Testing
import TerminalUI
import TestSupport

@Suite struct GraphicsPNGTests {
    @Test func checksumsMatchKnownValues() {
        #expect(GreyPNG.crc32(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(GreyPNG.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(GreyPNG.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
        // Long input: the modulo must be taken before 32 bits overflow.
        let big = [UInt8](repeating: 255, count: 100_000)
        var a: UInt64 = 1, b: UInt64 = 0
        for v in big { a = (a + UInt64(v)) % 65521; b = (b + a) % 65521 }
        #expect(GreyPNG.adler32(big) == UInt32(b << 16 | a))
    }

    @Test func structure() {
        let png = GreyPNG.encode(GreyImage(width: 3, height: 2, pixels: [0, 1, 2, 3, 4, 5]))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(Array(png[12..<16]) == Array("IHDR".utf8))
        #expect(Array(png[16..<29]) == [0, 0, 0, 3, 0, 0, 0, 2, 8, 0, 0, 0, 0])
        #expect(Array(png.suffix(12)) == [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82])
    }

    /// ImageMagick (libpng underneath) reads the file back to the same pixels,
    /// including an image larger than one 65535-byte stored block.
    @Test(.enabled(if: GraphicsImageMagickTests.imageMagick != nil, "ImageMagick not installed: apt-get install -y imagemagick"))
    func decodesWithImageMagick() throws {
        let tool = GraphicsImageMagickTests.imageMagick!
        for img in [GraphicsTestImages.ramp(width: 16), GraphicsTestImages.radiographLike(width: 300, height: 250)] {
            let dir = TempDirectory("lightbox-png")
            defer { dir.remove() }
            let path = dir.file("grey.png")
            try Data(GreyPNG.encode(img)).write(to: URL(fileURLWithPath: path))
            let r = try GraphicsImageMagickTests.run(tool, [path, "-depth", "8", "pgm:-"])
            try #require(r.status == 0, "ImageMagick rejected the PNG")
            #expect(try GraphicsImageMagickTests.readPNM(r.stdout) == img)
        }
    }

    @Test func kittyPNGPayloadIsThePNG() throws {
        let img = GraphicsTestImages.radiographLike(width: 120, height: 90)
        let cmds = GraphicsKittyTests.commands(KittyEncoder(format: .png).transmitAndPlace(img, columns: 12, rows: 5, imageID: 3))
        #expect(cmds[0].keys["f"] == "100" && cmds[0].keys["s"] == nil && cmds[0].keys["i"] == "3")
        let payload = try #require(Data(base64Encoded: cmds.map(\.payload).joined()))
        #expect([UInt8](payload) == GreyPNG.encode(img))
    }
}
