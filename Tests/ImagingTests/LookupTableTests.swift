import DICOM
import Foundation
import Testing
@testable import Imaging

/// Modality and VOI LUT sequences against pydicom's apply_modality_lut / apply_voi_lut
/// (fixtures written by Tests/DICOMTests/Fixtures/generate_fixtures.py).
@Suite struct LookupTableTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("DICOMTests/Fixtures")

    static func expected(_ name: String) throws -> [String: Any] {
        let all = try JSONSerialization.jsonObject(with: Data(contentsOf: fixtures.appendingPathComponent("expected.json"))) as? [String: Any]
        return try #require(all?[name] as? [String: Any])
    }

    @Test func voiLUTSequenceMatchesPydicom() throws {
        let image = try ImageLoader.load(path: Self.fixtures.appendingPathComponent("cr_voi_lut.dcm").path)
        let table = try #require(image.voiTables.first)
        #expect(image.windows.isEmpty && image.voiTables.count == 1)
        #expect(table.firstMapped == 500 && table.bitsPerEntry == 10 && table.entries.count == 3000 && table.explanation == "GAMMA")
        let reference = try #require(try Self.expected("cr_voi_lut.dcm")["voiLUTOutput"] as? [Int])
        #expect(image.values.map { Int(table.apply(Int(image.modalityValue($0)))) } == reference)
        #expect(try image.resampled(width: image.columns, height: image.rows).display(voiTable: table) == image.display())
        // Without a window, display uses the VOI LUT, scaled from 10 bits to 8.
        let shown = try image.display()
        #expect(shown.pixels == reference.map { UInt8((Double($0) * 255 / 1023).rounded()) })
        // An explicit window still wins.
        let windowed = try image.display(window: VOIWindow(center: 2048, width: 4096))
        #expect(windowed.pixels != shown.pixels)
    }

    @Test func modalityLUTSequenceMatchesPydicom() throws {
        let image = try ImageLoader.load(path: Self.fixtures.appendingPathComponent("ct_modality_lut.dcm").path)
        let table = try #require(image.modalityTable)
        #expect(table.firstMapped == -100 && table.entries.count == 300)
        let reference = try #require(try Self.expected("ct_modality_lut.dcm")["modalityLUTOutput"] as? [Int])
        #expect(image.values.map { Int(image.modalityValue($0)) } == reference)
        let stats = try #require(image.modalityStats())
        #expect(stats.min == Double(reference.min()!) && stats.max == Double(reference.max()!))
        #expect(abs(stats.mean - Double(reference.reduce(0, +)) / Double(reference.count)) < 1e-9)
    }

    @Test func clampsOutsideTheTable() {
        let t = LookupTable(firstMapped: 10, bitsPerEntry: 8, entries: [5, 6, 7])
        #expect(t.apply(-5) == 5 && t.apply(10) == 5 && t.apply(11) == 6 && t.apply(12) == 7 && t.apply(99) == 7)
        #expect(t.level(12) == 7 && t.outputMaximum == 255)
        #expect(t.level(1e300) == 7 && t.level(-Double.infinity) == 5 && t.level(Double.nan) == 5 && t.level(11.9) == 6)
    }
}

/// Corrupted DICOM fixtures through the whole loader and display path: errors, never a crash.
@Suite struct DICOMLoaderCorruptionTests {
    @Test func randomCorruptionNeverCrashes() throws {
        var state: UInt64 = 0x5EED
        func next() -> UInt64 { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state }
        let names = ["ct_explicit_le.dcm", "ct_explicit_be.dcm", "ct_rle.dcm", "cr_multiframe_mono1.dcm", "cr_voi_lut.dcm", "ct_modality_lut.dcm"]
        for name in names {
            let good = [UInt8](try Data(contentsOf: LookupTableTests.fixtures.appendingPathComponent(name)))
            for _ in 0..<300 {
                var bad = good
                for _ in 0..<(1 + Int(next() % 3)) { bad[Int(next() % UInt64(bad.count))] = UInt8(truncatingIfNeeded: next()) }
                guard let image = try? ImageLoader.decode(bad, file: "fuzz") else { continue }
                _ = try? image.display()
                _ = try? image.resampled(width: 3, height: 2).display(window: image.defaultWindow())
                _ = image.modalityStats()
            }
        }
    }
}
