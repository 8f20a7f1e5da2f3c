import Foundation
import Testing
@testable import Imaging

@Suite struct PNGCodecTests {
    static func ramp16(width: Int, height: Int) -> [UInt16] {
        (0..<(width * height)).map { UInt16(truncatingIfNeeded: $0 &* 2654435761 >> 7) }
    }

    @Test func grey16RoundTripIsExact() throws {
        let samples = Self.ramp16(width: 37, height: 11) + []
        let png = try PNGCodec.encodeGrey16(width: 37, height: 11, samples: samples)
        let image = try PNGCodec.decode(png, file: "mem.png")
        #expect(image.columns == 37 && image.rows == 11)
        #expect(image.bitsAllocated == 16 && image.bitsStored == 16 && !image.isSigned)
        #expect(image.values == samples.map { Int32($0) })
    }

    @Test func grey8RoundTripIsExact() throws {
        let samples = (0..<(19 * 7)).map { UInt8(truncatingIfNeeded: $0 * 37) }
        let image = try PNGCodec.decode(try PNGCodec.encodeGrey8(width: 19, height: 7, samples: samples), file: "mem.png")
        #expect(image.bitsStored == 8)
        #expect(image.values == samples.map { Int32($0) })
    }

    @Test func encoderRejectsWrongSampleCount() {
        #expect(throws: ImagingError.self) { try PNGCodec.encodeGrey16(width: 4, height: 4, samples: [1, 2, 3]) }
    }

    /// Index of the first chunk of a type.
    static func chunkOffset(_ bytes: [UInt8], _ type: String) -> Int? {
        var o = 8
        while o + 8 <= bytes.count {
            let len = Int(PNGChunkWalker.be32(bytes, o))
            if String(decoding: bytes[(o + 4)..<(o + 8)], as: UTF8.self) == type { return o }
            o += 12 + len
        }
        return nil
    }

    static func recrc(_ bytes: inout [UInt8], at o: Int) {
        let len = Int(PNGChunkWalker.be32(bytes, o))
        let crc = CRC32.checksum(bytes[(o + 4)..<(o + 8 + len)])
        for i in 0..<4 { bytes[o + 8 + len + i] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * UInt32(i))) }
    }

    static func error(_ bytes: [UInt8]) -> ImagingError? {
        do { _ = try PNGCodec.decode(bytes, file: "bad.png"); return nil } catch let e as ImagingError { return e } catch { return nil }
    }

    @Test func crcErrorNamesChunkAndOffset() throws {
        var png = try PNGCodec.encodeGrey8(width: 8, height: 8, samples: [UInt8](repeating: 9, count: 64))
        let idat = try #require(Self.chunkOffset(png, "IDAT"))
        png[idat + 9] ^= 0xFF
        let e = try #require(Self.error(png))
        #expect(e == .png(file: "bad.png", chunk: "IDAT", offset: idat, problem: e.problem))
        #expect(e.problem.contains("CRC"))
    }

    @Test func zlibErrorIsCaughtWithoutCrash() throws {
        var png = try PNGCodec.encodeGrey16(width: 16, height: 16, samples: Self.ramp16(width: 16, height: 16))
        let idat = try #require(Self.chunkOffset(png, "IDAT"))
        let len = Int(PNGChunkWalker.be32(png, idat))
        for i in 2..<min(len, 12) { png[idat + 8 + i] = 0xFF }  // wreck the deflate stream after the zlib header
        Self.recrc(&png, at: idat)                                 // CRC valid: only zlib can notice
        let e = try #require(Self.error(png))
        guard case let .png(file, chunk, offset, problem) = e else { Issue.record("wrong case \(e)"); return }
        #expect(file == "bad.png" && chunk == "IDAT" && offset == idat)
        #expect(problem.hasPrefix("libpng:"))
    }

    @Test func truncatedFileIsReported() throws {
        let png = try PNGCodec.encodeGrey8(width: 8, height: 8, samples: [UInt8](repeating: 1, count: 64))
        for cut in [4, 20, png.count - 30, png.count - 5] {
            let e = try #require(Self.error(Array(png.prefix(cut))), "cut at \(cut)")
            #expect(!e.problem.isEmpty)
        }
    }

    @Test func absurdDimensionsRejectedBeforeAllocation() throws {
        var png = try PNGCodec.encodeGrey8(width: 8, height: 8, samples: [UInt8](repeating: 1, count: 64))
        // IHDR width = height = 0x7FFF0000
        for i in 0..<2 { png[16 + 4 * i] = 0x7F; png[17 + 4 * i] = 0xFF; png[18 + 4 * i] = 0; png[19 + 4 * i] = 0 }
        Self.recrc(&png, at: 8)
        let e = try #require(Self.error(png))
        #expect(e.coordinates == "bad.png: chunk IHDR: offset 8")
        #expect(e.problem.contains("exceed"))
    }

    @Test func notAPNG() {
        #expect(throws: ImagingError.self) { try PNGCodec.decode([1, 2, 3], file: "x") }
        #expect(throws: ImagingError.self) { try ImageLoader.decode(Array(repeating: 7, count: 300), file: "x") }
    }
}

extension PNGCodecTests {
    /// The one-pass simplified-API decode must equal the exact low-level decode wherever it is used.
    @Test func fastPathEqualsExactPath() throws {
        var files: [(String, [UInt8])] = [
            ("encoded16", try PNGCodec.encodeGrey16(width: 31, height: 17, samples: Self.ramp16(width: 31, height: 17))),
            ("encoded8", try PNGCodec.encodeGrey8(width: 9, height: 5, samples: (0..<45).map { UInt8($0 * 5) })),
        ]
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        for name in ["grey8.png", "grey16.png", "grey8_interlaced.png", "grey16_interlaced.png"] {
            files.append((name, [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name)))))
        }
        var fast = 0
        for (name, bytes) in files {
            let header = try PNGChunkWalker.walk(bytes, file: name)
            if PNGCodec.simplifiedAPIIsExact(header) { fast += 1 }
            let viaDecode = try PNGCodec.decode(bytes, file: name)
            let exact = try PNGCodec.decodeExactForTesting(bytes, file: name)
            #expect(viaDecode == exact, "\(name)")
        }
        #expect(fast == files.count, "every file here should take the one-pass path")
    }
}

@Suite struct CRC32Tests {
    @Test func knownValues() {
        #expect(CRC32.checksum(Array("123456789".utf8)[...]) == 0xCBF4_3926)
        #expect(CRC32.checksum([][...]) == 0)
        #expect(CRC32.checksum(Array("IEND".utf8)[...]) == 0xAE42_6082)
        // Lengths around the 8-byte stride agree with the bytewise definition.
        let data = (0..<40).map { UInt8(truncatingIfNeeded: $0 &* 73 &+ 11) }
        for n in 0..<data.count {
            var c: UInt32 = 0xFFFF_FFFF
            for b in data[0..<n] { c = CRC32.tables[0][Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
            #expect(CRC32.checksum(data[0..<n]) == c ^ 0xFFFF_FFFF)
        }
    }
}
