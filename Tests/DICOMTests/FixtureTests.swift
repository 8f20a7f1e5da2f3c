import Common
import Foundation
import Testing
@testable import DICOM

enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func json(_ name: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent(name))) as? [String: Any] ?? [:]
    }

    static func littleEndian(_ samples: [Int64], width: Int) -> [UInt8] {
        samples.flatMap { s in (0..<width).map { UInt8(truncatingIfNeeded: s >> Int64(8 * $0)) } }
    }
}

/// Our own fixtures (written by pydicom; see Fixtures/README.md): run without ../shared.
@Suite struct FixtureTests {
    @Test func everyFixtureDecodesToPydicomValues() throws {
        let expected = try Fixtures.json("expected.json")
        #expect(expected.count == 10)
        for (name, value) in expected.sorted(by: { $0.key < $1.key }) {
            let ref = try #require(value as? [String: Any])
            let file = try DICOMReader.read(try Fixtures.bytes(name), file: name)
            if let ts = ref["transferSyntax"] as? String {
                #expect(file.transferSyntax.uid == ts && !file.transferSyntaxWasInferred, "\(name)")
            } else {
                #expect(file.transferSyntaxWasInferred && file.transferSyntax == .implicitVRLittleEndian && !file.hasPreamble, "\(name)")
            }
            #expect(file.dataSet.count == ref["elements"] as? Int, "\(name) element count")
            let pixels = try file.pixelData()
            let d = pixels.descriptor
            #expect(d.rows == ref["rows"] as? Int && d.columns == ref["columns"] as? Int && d.frames == ref["frames"] as? Int, "\(name)")
            #expect(d.bitsAllocated == ref["bitsAllocated"] as? Int && d.bitsStored == ref["bitsStored"] as? Int, "\(name)")
            #expect(d.photometric == ref["photometric"] as? String, "\(name)")
            let samples = pixels.samples()
            #expect(samples.min() == (ref["min"] as? Int).map(Int64.init) && samples.max() == (ref["max"] as? Int).map(Int64.init), "\(name)")
            #expect(samples.reduce(0, +) == (ref["sum"] as? Int).map(Int64.init), "\(name) sum")
            #expect(SHA256.hash(Fixtures.littleEndian(samples, width: d.bitsAllocated / 8)) == ref["sha256"] as? String, "\(name) sha256")
        }
    }

    @Test func sequencesOfDefinedAndUndefinedLength() throws {
        for name in ["ct_explicit_le.dcm", "ct_implicit_le.dcm", "ct_explicit_be.dcm", "ct_deflated.dcm"] {
            let ds = try DICOMReader.read(try Fixtures.bytes(name), file: name).dataSet
            let region = try #require(ds[Tag(0x0008, 0x2218)], "\(name)")
            #expect(!region.hasUndefinedLength)
            let items = try #require(region.items)
            #expect(items.count == 2)
            #expect(items[0].string(Tag(0x0008, 0x0100)) == "A" && items[1].string(Tag(0x0008, 0x0100)) == "B")
            let nested = try #require(items[0][Tag(0x0008, 0x2220)])
            #expect(nested.hasUndefinedLength)
            #expect(nested.items?.first?.string(Tag(0x0008, 0x0104)) == "Hand", "\(name)")
        }
    }

    @Test func pixelModuleAttributes() throws {
        let ds = try DICOMReader.read(try Fixtures.bytes("ct_explicit_be.dcm"), file: "be").dataSet
        #expect(try ds.doubles(.windowCenter) == [40, 400])
        #expect(try ds.doubles(.windowWidth) == [400, 1500])
        #expect(ds.strings(.windowExplanation) == ["SOFT", "BONE"])
        #expect(ds.string(.voiLUTFunction) == "LINEAR_EXACT")
        #expect(try ds.doubles(.pixelSpacing) == [0.15, 0.1])
        #expect(try ds.double(.rescaleIntercept) == -1024)
        #expect(try ds.int(.pixelRepresentation) == 1)
    }

    @Test func stopsBeforePixelData() throws {
        let file = try DICOMReader.read(try Fixtures.bytes("cr_multiframe_rle.dcm"), file: "x", options: .init(stopBeforePixelData: true))
        #expect(file.stoppedBeforePixelData && file.dataSet[.pixelData] == nil)
        #expect(try file.dataSet.int(.numberOfFrames) == 3)
        #expect(throws: DICOMError.self) { try file.pixelData() }
    }

    @Test func inflateMatchesZlib() throws {
        let vectors = try Fixtures.json("inflate_vectors.json")
        let raw = try #require(vectors["raw"] as? [[String: Any]])
        #expect(raw.count == 36)
        for v in raw {
            let input = Self.hex(v["deflate"] as? String ?? "")
            let out = try Inflate.raw(input)
            #expect(out.count == v["length"] as? Int, "\(v["input"]!) level \(v["level"]!) strategy \(v["strategy"]!)")
            #expect(SHA256.hash(out) == v["sha256"] as? String)
        }
        let z = try #require(vectors["zlib"] as? [String: String])
        #expect(SHA256.hash(try Inflate.zlib(Self.hex(z["data"]!))) == z["sha256"])
    }

    @Test func inflateRejectsCorruptStreams() throws {
        let vectors = try #require(try Fixtures.json("inflate_vectors.json")["raw"] as? [[String: Any]])
        let stream = Self.hex(vectors.first { ($0["length"] as? Int ?? 0) > 1000 && $0["level"] as? Int == 9 }?["deflate"] as? String ?? "")
        #expect(stream.count > 20)
        // Every truncation is an error, never a crash.
        for cut in stride(from: 0, to: stream.count - 1, by: 7) {
            #expect(throws: InflateError.self) { try Inflate.raw(Array(stream.prefix(cut))) }
        }
        #expect(throws: InflateError.self) { try Inflate.raw([0x07]) }  // final block of type 3
        #expect(throws: InflateError.self) { try Inflate.raw([0x01, 0x05, 0x00, 0x00, 0x00]) }  // stored length ≠ ~nlength
        // Random corruption: either an error or some output, never a trap.
        var rng = SplitMix64(seed: 99)
        for _ in 0..<300 {
            var bad = stream
            for _ in 0..<3 { bad[Int(rng.next() % UInt64(bad.count))] ^= UInt8(truncatingIfNeeded: rng.next() | 1) }
            _ = try? Inflate.raw(bad, maximumOutput: 1 << 20)
        }
        #expect(throws: InflateError.self) { try Inflate.zlib([0x78, 0x9C, 0x03, 0x00, 0, 0, 0, 2]) }  // bad Adler-32
    }

    static func hex(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        var it = s.utf8.makeIterator()
        while let a = it.next(), let b = it.next() {
            out.append(UInt8(String(decoding: [a, b], as: UTF8.self), radix: 16)!)
        }
        return out
    }
}
