import Common
import Foundation
import TestSupport
import Testing
import Imaging

/// Issue 9, bad input for DICOM through the path the CLI and the reading room use
/// (`ImageLoader`): truncation, lengths past the end, huge dimensions, wrong or
/// unknown VRs. Each corruption is applied to the repository's own fixture
/// (Tests/DICOMTests/Fixtures/ct_explicit_le.dcm, explicit VR little endian).
@Suite struct BadInputDICOMTests {
    static func fixture() throws -> [UInt8] {
        let url = SharedReference.packageRoot.appendingPathComponent("Tests/DICOMTests/Fixtures/ct_explicit_le.dcm")
        return [UInt8](try Data(contentsOf: url))
    }

    /// Offset of the explicit-VR element header (group, element, VR).
    static func element(_ bytes: [UInt8], _ group: UInt16, _ element: UInt16, _ vr: String) throws -> Int {
        let pattern = [UInt8(group & 0xFF), UInt8(group >> 8), UInt8(element & 0xFF), UInt8(element >> 8)] + Array(vr.utf8)
        let found = (132..<(bytes.count - pattern.count)).first { Array(bytes[$0..<($0 + pattern.count)]) == pattern }
        return try #require(found, "no (\(group),\(element)) \(vr) in the fixture")
    }

    static func message(_ bytes: [UInt8]) -> String? {
        do { _ = try ImageLoader.decode(bytes, file: "bad.dcm"); return nil } catch { return UserMessage.text(for: error) }
    }

    @Test func fixtureDecodes() throws {
        let image = try ImageLoader.decode(try Self.fixture(), file: "good.dcm")
        #expect(image.rows == 6 && image.columns == 8)
    }

    @Test func truncatedInsidePixelData() throws {
        let full = try Self.fixture()
        let pixels = try Self.element(full, 0x7FE0, 0x0010, "OW")
        let cut = Array(full.prefix(pixels + 12 + 40))
        #expect(Self.message(cut)
                == "bad.dcm: (7FE0,0010) PixelData: offset \(pixels): value length 96 runs past the end of the data (40 bytes left)")
    }

    @Test func truncatedAnywhereGivesOneLine() throws {
        let full = try Self.fixture()
        for cut in 0..<full.count {
            let m = Self.message(Array(full.prefix(cut)))
            #expect(m?.hasPrefix("bad.dcm") == true && m?.contains("\n") == false, "cut at \(cut): \(m ?? "decoded")")
        }
    }

    @Test func lengthPastTheEnd() throws {
        var b = try Self.fixture()
        let at = try Self.element(b, 0x0008, 0x103E, "LO")
        b[at + 6] = 0xF0; b[at + 7] = 0xFF
        #expect(Self.message(b)
                == "bad.dcm: (0008,103E) SeriesDescription: offset \(at): value length 65520 runs past the end of the data (\(b.count - at - 8) bytes left)")
    }

    @Test func hugeDimensionsRefusedBeforeAllocation() throws {
        var b = try Self.fixture()
        let rows = try Self.element(b, 0x0028, 0x0010, "US"), columns = try Self.element(b, 0x0028, 0x0011, "US")
        for at in [rows, columns] { b[at + 8] = 0xFF; b[at + 9] = 0xFF }
        #expect(Self.message(b)
                == "bad.dcm: (0028,0010) Rows: offset \(rows): 65535 × 65535 × 1 frames × 1 samples exceeds the limit of 268435456")
    }

    @Test func unknownVR() throws {
        var b = try Self.fixture()
        let at = try Self.element(b, 0x0008, 0x103E, "LO")
        b[at + 4] = UInt8(ascii: "Z"); b[at + 5] = UInt8(ascii: "Z")
        #expect(Self.message(b) == "bad.dcm: (0008,103E) SeriesDescription: offset \(at): unknown VR \"ZZ\" in an explicit VR data set")
    }

    @Test func wrongVRForTheTag() throws {
        var b = try Self.fixture()
        let at = try Self.element(b, 0x0028, 0x0010, "US")
        b[at + 4] = UInt8(ascii: "D"); b[at + 5] = UInt8(ascii: "S") // Rows as a decimal string: 06 00 is not a number
        #expect(Self.message(b) == "bad.dcm: (0028,0010) Rows: offset \(at): \"\\x06\" is not an integer string")
    }
}
