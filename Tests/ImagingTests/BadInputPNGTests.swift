import Common
import Foundation
import TestSupport
import Testing
@testable import Imaging

/// Issue 9, bad input: every broken PNG ends in exactly one line naming the file,
/// the chunk and byte offset where known, and what is wrong. Fixtures are built
/// byte by byte in `BadInputPNGFixture`; each test corrupts one thing.
@Suite struct BadInputPNGTests {
    typealias F = BadInputPNGFixture

    static func message(_ bytes: [UInt8], file: String = "bad.png") -> String? {
        do { _ = try ImageLoader.decode(bytes, file: file); return nil } catch { return UserMessage.text(for: error) }
    }

    static func hex(_ v: UInt32) -> String {
        let s = String(v, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - s.count) + s
    }

    /// The control: the unbroken fixture decodes to the exact values it encodes,
    /// so in every other test the corruption is the only thing wrong.
    @Test func handBuiltFixtureDecodes() throws {
        let (png, values) = F.grey8()
        let image = try ImageLoader.decode(png, file: "good.png")
        #expect(image.columns == 4 && image.rows == 3)
        #expect(image.values == values)
        #expect(F.readBE32(png, F.idatOffset + 4) == F.readBE32(Array("IDAT".utf8), 0))
    }

    /// The committed fuzz seeds (Fuzz/corpus/generate-png-seeds) are valid images,
    /// so mutations start from every decoder path, not from an early rejection.
    @Test func fuzzSeedsDecode() throws {
        let dir = SharedReference.packageRoot.appendingPathComponent("Fuzz/corpus/png").path
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".png") }.sorted()
        #expect(names.count == 8)
        for name in names {
            let image = try ImageLoader.load(path: (dir as NSString).appendingPathComponent(name))
            #expect(image.values.count == image.rows * image.columns, "\(name)")
        }
        let adam7 = try ImageLoader.load(path: dir + "/adam7.png")
        #expect(adam7.columns == 8 && adam7.rows == 8)
    }

    // MARK: CRC

    @Test func corruptIDATCRCNamesChunkOffsetAndBothValues() throws {
        var png = F.grey8().png
        let length = Int(F.readBE32(png, F.idatOffset))
        let crcAt = F.idatOffset + 8 + length
        let good = F.readBE32(png, crcAt)
        for i in 0..<4 { png[crcAt + i] = 0 }
        #expect(Self.message(png) == "bad.png: chunk IDAT: offset 33: CRC mismatch (stored 0x00000000, computed \(Self.hex(good)))")
    }

    @Test func corruptIHDRDataIsCaughtByItsCRC() throws {
        var png = F.grey8().png
        let stored = F.readBE32(png, 8 + 8 + 13)
        png[8 + 8 + 3] = 5 // width 4 → 5 without updating the CRC
        let computed = F.crc32(png[(8 + 4)..<(8 + 8 + 13)])
        #expect(Self.message(png) == "bad.png: chunk IHDR: offset 8: CRC mismatch (stored \(Self.hex(stored)), computed \(Self.hex(computed)))")
    }

    // MARK: zlib (CRCs valid: only the inflater can notice)

    @Test(arguments: [
        // deflate block type 3 is reserved
        ([0x78, 0x01, 0x07, 0, 0, 0, 0], "bad.png: chunk IDAT: offset 33: libpng: IDAT: invalid block type"),
        // zlib header whose check bits do not divide 31
        ([0x78, 0x02, 0x01, 0x00, 0x00, 0xFF, 0xFF], "bad.png: chunk IDAT: offset 33: libpng: IDAT: incorrect header check"),
        // stored block whose length and its complement disagree
        ([0x78, 0x01, 0x01, 0x0F, 0x00, 0x00, 0x00] + [UInt8](repeating: 0, count: 15),
         "bad.png: chunk IDAT: offset 33: libpng: IDAT: invalid stored block lengths"),
    ] as [([UInt8], String)])
    func brokenZlibStream(idat: [UInt8], expected: String) {
        #expect(Self.message(F.grey8(idat: idat)) == expected)
    }

    @Test func zlibStreamShorterThanTheImage() {
        // a valid stream holding one row of the three the header promises
        let idat = F.zlibStored([0, 1, 2, 3, 4])
        #expect(Self.message(F.grey8(idat: idat)) == "bad.png: chunk IDAT: offset 33: libpng: Not enough image data")
    }

    // MARK: Truncation

    @Test func truncatedAtEveryByteGivesAOneLineMessage() {
        let png = F.grey8().png
        for cut in 0..<png.count {
            let m = Self.message(Array(png.prefix(cut)))
            #expect(m?.hasPrefix("bad.png: ") == true, "cut at \(cut): \(m ?? "decoded")")
            #expect(m?.contains("\n") == false)
        }
    }

    @Test func truncatedInsideIDAT() {
        let png = F.grey8().png
        let length = Int(F.readBE32(png, F.idatOffset))
        #expect(Self.message(Array(png.prefix(F.idatOffset + 20)))
                == "bad.png: chunk IDAT: offset 33: chunk length \(length) runs past the end of the file (truncated)")
    }

    @Test func truncatedInsideAChunkHeader() {
        #expect(Self.message(Array(F.grey8().png.prefix(F.idatOffset + 5)))
                == "bad.png: offset 33: file ends inside a chunk header (truncated)")
    }

    @Test func truncatedBeforeIEND() {
        let png = F.grey8().png
        let iend = png.count - 12
        #expect(Self.message(Array(png.prefix(iend))) == "bad.png: offset \(iend): no IEND chunk (truncated)")
    }

    @Test func signatureOnly() {
        #expect(Self.message(F.signature) == "bad.png: offset 8: no IHDR chunk")
    }

    // MARK: Structure

    @Test func firstChunkIsNotIHDR() {
        let png = F.signature + F.chunk("IDAT", F.zlibStored([0])) + F.chunk("IEND", [])
        #expect(Self.message(png) == "bad.png: chunk IDAT: offset 8: first chunk must be a 13-byte IHDR")
    }

    @Test func noImageData() {
        let png = F.signature + F.ihdr(width: 4, height: 3) + F.chunk("IEND", [])
        #expect(Self.message(png) == "bad.png: offset 45: no IDAT chunk (no image data)")
    }

    @Test func chunkLengthAbove2To31() {
        var png = F.grey8().png
        for i in 0..<4 { png[F.idatOffset + i] = 0xFF }
        #expect(Self.message(png) == "bad.png: chunk IDAT: offset 33: chunk length 4294967295 exceeds 2^31-1")
    }

    // MARK: Dimensions (refused by the chunk walker, before libpng or any buffer)

    @Test(arguments: [
        (UInt32(0x7FFF_FFFF), UInt32(0x7FFF_FFFF), "dimensions 2147483647×2147483647 exceed the limit of 268435456 pixels"),
        (UInt32(65536), UInt32(65536), "dimensions 65536×65536 exceed the limit of 268435456 pixels"),
        (UInt32(1 << 21), UInt32(1), "dimensions 2097152×1 exceed the limit of 268435456 pixels"),
        (UInt32(0xFFFF_FFFF), UInt32(1), "dimensions 4294967295×1 exceed the limit of 268435456 pixels"),
        (UInt32(0), UInt32(3), "image is 0×3"),
    ])
    func absurdDimensions(width: UInt32, height: UInt32, problem: String) {
        // a 4×3 payload: a decoder that trusted the header would allocate for the claimed size first
        let png = F.signature + F.ihdr(width: width, height: height) + F.chunk("IDAT", F.zlibStored([UInt8](repeating: 0, count: 15)))
            + F.chunk("IEND", [])
        #expect(Self.message(png) == "bad.png: chunk IHDR: offset 8: \(problem)")
    }

    /// A 68-byte file claiming 16384×16384 grey pixels made the decoder allocate and
    /// clear 256 MiB before libpng found the data missing (crafted input replayed
    /// through Fuzz/png: 310 MB peak RSS; Docs/RELIABILITY.md).
    @Test(arguments: [
        (UInt32(16384), UInt32(16384), UInt8(8), UInt8(0), "IDAT holds 26 bytes, too few for 16384×16384 8-bit pixels"),
        (UInt32(8192), UInt32(4096), UInt8(16), UInt8(6), "IDAT holds 26 bytes, too few for 8192×4096 64-bit pixels"),
        (UInt32(1000), UInt32(1000), UInt8(1), UInt8(0), "IDAT holds 26 bytes, too few for 1000×1000 1-bit pixels"),
    ])
    func dimensionsTheImageDataCannotHold(width: UInt32, height: UInt32, depth: UInt8, colour: UInt8, problem: String) {
        let png = F.signature + F.ihdr(width: width, height: height, bitDepth: depth, colorType: colour)
            + F.chunk("IDAT", F.zlibStored([UInt8](repeating: 0, count: 15))) + F.chunk("IEND", [])
        #expect(Self.message(png) == "bad.png: chunk IHDR: offset 8: \(problem)")
    }

    /// The bound is deflate's own limit, so the most compressible real image still passes.
    @Test func highlyCompressedImageStillDecodes() throws {
        let png = try PNGCodec.encodeGrey8(width: 1024, height: 1024, samples: [UInt8](repeating: 0, count: 1 << 20))
        let idat = Int(F.readBE32(png, try #require(PNGCodecTests.chunkOffset(png, "IDAT"))))
        #expect(idat * 200 < 1 << 20, "zlib made \(idat) bytes: not a near-limit case")
        #expect(try ImageLoader.decode(png, file: "zeros.png").values.count == 1 << 20)
    }

    @Test func invalidBitDepthForColourType() {
        let png = F.signature + F.ihdr(width: 4, height: 3, bitDepth: 16, colorType: 3) + F.chunk("IDAT", F.zlibStored([0]))
            + F.chunk("IEND", [])
        #expect(Self.message(png) == "bad.png: chunk IHDR: libpng: Invalid IHDR data")
    }

    // MARK: Files that are not images (through the path the CLI uses)

    @Test func emptyAndNonImageFiles() throws {
        let dir = TempDirectory("badinput-png")
        defer { dir.remove() }
        let empty = dir.write("empty.png", "")
        let text = dir.write("notes.png", "Findings: no fracture.\n")
        let html = dir.write("page.png", "<!doctype html><title>404</title>")
        #expect(Self.loadMessage(empty) == "\(empty): neither PNG nor DICOM (unrecognised leading bytes)")
        #expect(Self.loadMessage(text) == "\(text): neither PNG nor DICOM (unrecognised leading bytes)")
        #expect(Self.loadMessage(html) == "\(html): neither PNG nor DICOM (unrecognised leading bytes)")
        let missing = dir.file("absent.png")
        #expect(Self.loadMessage(missing) == "\(missing): no such file")
        #expect(Self.loadMessage(dir.path) == "\(dir.path): is a folder, not a file")
    }

    static func loadMessage(_ path: String) -> String? {
        do { _ = try ImageLoader.load(path: path); return nil } catch { return UserMessage.text(for: error) }
    }
}
