import Common
import Foundation
import Testing
import TestSupport
@testable import Imaging

/// PngSuite files against what pypng decodes (../shared/reference/png).
@Suite struct PNGSuiteTests {
    static let directory = SharedReference.directory("png")

    static func reference() throws -> [String: [String: Any]] {
        guard let dir = directory else { return [:] }
        let data = try Data(contentsOf: dir.appendingPathComponent("REFERENCE_pngsuite_decoded_by_pypng.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] ?? [:]
    }

    static func uint16LE(_ values: some Sequence<Int32>) -> [UInt8] {
        var out: [UInt8] = []
        for v in values { out.append(UInt8(truncatingIfNeeded: v)); out.append(UInt8(truncatingIfNeeded: v >> 8)) }
        return out
    }

    @Test func everyGreyFileMatchesPypng() throws {
        guard let dir = Self.directory else {
            print(SharedReference.skipNote("png")); return
        }
        let reference = try Self.reference()
        var matched = 0
        for (name, ref) in reference.sorted(by: { $0.key < $1.key }) {
            guard ref["greyscale"] as? Bool == true, ref["alpha"] as? Bool == false else { continue }
            let bytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent("pngsuite/\(name)")))
            let image = try PNGCodec.decode(bytes, file: name)
            #expect(image.columns == ref["width"] as? Int, "\(name) width")
            #expect(image.rows == ref["height"] as? Int, "\(name) height")
            #expect(image.bitsStored == ref["bitdepth"] as? Int, "\(name) bit depth")
            #expect(image.values.min().map(Int.init) == ref["min"] as? Int, "\(name) min")
            #expect(image.values.max().map(Int.init) == ref["max"] as? Int, "\(name) max")
            #expect(image.values.reduce(0) { $0 + Int($1) } == ref["sum"] as? Int, "\(name) sum")
            #expect(SHA256.hash(Self.uint16LE(image.values)) == ref["sha256_uint16le_of_values"] as? String, "\(name) sha256")
            for sample in ref["samples_rc"] as? [[Int]] ?? [] {
                #expect(Int(image.values[sample[0] * image.columns + sample[1]]) == sample[2], "\(name) sample \(sample)")
            }
            matched += 1
        }
        #expect(matched == 13, "the 13 grey PngSuite files (Basn0g03, basi0g*, basn0g*, f02n0g08, tbbn1g04), matched \(matched)")
        print("PngSuite grey files matched: \(matched)")
    }

    /// Grey+alpha: the grey plane must equal pypng's first plane.
    @Test func greyAlphaKeepsGreyPlane() throws {
        guard let dir = Self.directory else { print(SharedReference.skipNote("png")); return }
        let ref = try #require(try Self.reference()["basn4a16.png"])
        let image = try PNGCodec.decode([UInt8](try Data(contentsOf: dir.appendingPathComponent("pngsuite/basn4a16.png"))), file: "basn4a16.png")
        let first8 = ref["first8"] as? [Int] ?? []
        // first8 interleaves grey and alpha: grey values sit at even positions.
        #expect(image.values.prefix(4).map(Int.init) == stride(from: 0, to: 8, by: 2).map { first8[$0] })
    }

    /// Colour and palette files decode to grey without error and stay within their bit depth.
    @Test func colourFilesBecomeGrey() throws {
        guard let dir = Self.directory else { print(SharedReference.skipNote("png")); return }
        for (name, ref) in try Self.reference() where ref["greyscale"] as? Bool == false {
            let image = try PNGCodec.decode([UInt8](try Data(contentsOf: dir.appendingPathComponent("pngsuite/\(name)"))), file: name)
            #expect(image.samplesPerPixel == 1)
            #expect(image.photometric == (ref["palette"] as? Bool == true ? .palette : .rgb), "\(name)")
            #expect(image.values.allSatisfy { $0 >= 0 && $0 < (1 << image.bitsAllocated) }, "\(name)")
            if let rc = (ref["samples_rc"] as? [[Any]])?.first, let rgb = rc[2] as? [Int], rgb.count >= 3 {
                let luma = (299 * rgb[0] + 587 * rgb[1] + 114 * rgb[2] + 500) / 1000
                #expect(Int(image.values[0]) == luma, "\(name) luma at (0,0)")
            }
        }
    }
}
