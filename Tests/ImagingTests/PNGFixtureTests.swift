import Foundation
import Testing
@testable import Imaging

/// Our own PNG fixtures (an independent Python writer; see Fixtures/README.md): run without ../shared.
@Suite struct PNGFixtureTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func expected() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("expected.json"))) as? [String: Any] ?? [:]
    }

    static func load(_ name: String) throws -> PixelBuffer {
        try ImageLoader.load(path: directory.appendingPathComponent(name).path)
    }

    @Test func everyFixtureDecodesExactly() throws {
        var checked = 0
        for (name, value) in try Self.expected() where name != "broken" {
            let ref = try #require(value as? [String: Any])
            let image = try Self.load(name)
            #expect(image.columns == ref["width"] as? Int && image.rows == ref["height"] as? Int, "\(name)")
            #expect(image.photometric.rawValue == ref["photometric"] as? String, "\(name)")
            #expect(image.bitsStored == ref["bitDepth"] as? Int, "\(name) depth")
            #expect(image.values.map(Int.init) == ref["values"] as? [Int], "\(name) values")
            checked += 1
        }
        #expect(checked == 14)
    }

    @Test func brokenFilesNameChunkAndOffset() throws {
        let spec = try #require(try Self.expected()["broken"] as? [String: Any])
        #expect(spec.count == 4)
        for (name, value) in spec {
            let ref = try #require(value as? [String: Any])
            do {
                _ = try Self.load(name)
                Issue.record("\(name) decoded")
            } catch let ImagingError.png(file, chunk, offset, problem) {
                #expect(file.hasSuffix(name))
                #expect(chunk == ref["chunk"] as? String, "\(name): \(problem)")
                #expect(offset == ref["offset"] as? Int, "\(name): \(problem)")
                #expect(!problem.isEmpty)
            }
        }
    }

    @Test func loaderRejectsUnknownBytes() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lightbox-not-an-image-\(getpid()).txt")
        try Data("hello, not an image at all".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: ImagingError.self) { try ImageLoader.load(path: url.path) }
        #expect(throws: ImagingError.self) { try ImageLoader.load(path: "/nonexistent/file.png") }
    }

    @Test func randomCorruptionNeverCrashes() throws {
        var state: UInt64 = 77
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 11 }
        for name in ["grey16_interlaced.png", "palette4.png", "rgba16_interlaced.png", "grey1.png"] {
            let good = [UInt8](try Data(contentsOf: Self.directory.appendingPathComponent(name)))
            for _ in 0..<300 {
                var bad = good
                bad[Int(next() % UInt64(bad.count))] = UInt8(truncatingIfNeeded: next())
                _ = try? PNGCodec.decode(bad, file: "fuzz")
            }
            // Corrupt the compressed data behind a valid CRC, so that zlib and libpng's
            // row filters meet it (this is where a longjmp-based error would crash).
            let idat = try #require(PNGCodecTests.chunkOffset(good, "IDAT"))
            let length = Int(PNGChunkWalker.be32(good, idat))
            for _ in 0..<500 {
                var bad = good
                for _ in 0..<(1 + Int(next() % 3)) {
                    bad[idat + 8 + Int(next() % UInt64(length))] = UInt8(truncatingIfNeeded: next())
                }
                PNGCodecTests.recrc(&bad, at: idat)
                if let image = try? PNGCodec.decode(bad, file: "fuzz") {
                    #expect(image.values.count == image.rows * image.columns)
                }
            }
        }
    }
}
