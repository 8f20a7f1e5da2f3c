import Common
import Foundation
import Testing
@testable import DICOM

/// Builds explicit VR little endian data sets by hand, for inputs no writer would produce.
struct ExplicitLE {
    var bytes: [UInt8] = []

    static func part10(_ body: [UInt8], syntax: String = "1.2.840.10008.1.2.1") -> [UInt8] {
        var meta = ExplicitLE()
        var uid = Array(syntax.utf8)
        if uid.count % 2 == 1 { uid.append(0) }
        meta.element(0x0002, 0x0010, "UI", uid)
        return [UInt8](repeating: 0, count: 128) + Array("DICM".utf8) + meta.bytes + body
    }

    mutating func u16(_ v: UInt16) { bytes += [UInt8(v & 0xFF), UInt8(v >> 8)] }
    mutating func u32(_ v: UInt32) { for k in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(k)))) } }

    mutating func element(_ g: UInt16, _ e: UInt16, _ vr: String, _ value: [UInt8], length: UInt32? = nil) {
        u16(g); u16(e); bytes += Array(vr.utf8)
        if ["OB", "OW", "SQ", "UN", "UT", "UC", "UR", "OD", "OF", "OL", "OV", "SV", "UV"].contains(vr) {
            u16(0); u32(length ?? UInt32(value.count))
        } else {
            u16(UInt16(truncatingIfNeeded: length ?? UInt32(value.count)))
        }
        bytes += value
    }

    mutating func us(_ g: UInt16, _ e: UInt16, _ v: UInt16) { element(g, e, "US", [UInt8(v & 0xFF), UInt8(v >> 8)]) }

    /// A minimal valid 2×2 16-bit image.
    static func image(rows: UInt16 = 2, columns: UInt16 = 2, frames: String? = nil, omit: Set<UInt16> = [], pixels: [UInt8]? = nil) -> [UInt8] {
        var b = ExplicitLE()
        b.us(0x0028, 0x0002, 1)
        b.element(0x0028, 0x0004, "CS", Array("MONOCHROME2 ".utf8))
        if let frames { b.element(0x0028, 0x0008, "IS", Array(frames.utf8)) }
        if !omit.contains(0x0010) { b.us(0x0028, 0x0010, rows) }
        if !omit.contains(0x0011) { b.us(0x0028, 0x0011, columns) }
        if !omit.contains(0x0100) { b.us(0x0028, 0x0100, 16) }
        b.us(0x0028, 0x0101, 12)
        b.us(0x0028, 0x0103, 0)
        b.element(0x7FE0, 0x0010, "OW", pixels ?? [1, 0, 2, 0, 3, 0, 0xFF, 0xFF])
        return part10(b.bytes)
    }
}

@Suite struct BadInputTests {
    func error(_ bytes: [UInt8], pixels: Bool = true) -> DICOMError? {
        do {
            let file = try DICOMReader.read(bytes, file: "bad.dcm")
            if pixels { _ = try file.pixelData() }
            return nil
        } catch let e as DICOMError {
            return e
        } catch {
            Issue.record("unexpected error type \(error)")
            return nil
        }
    }

    @Test func minimalImageDecodesAndMasksToBitsStored() throws {
        let pixels = try DICOMReader.read(ExplicitLE.image(), file: "ok.dcm").pixelData()
        #expect(pixels.samples() == [1, 2, 3, 4095])  // 0xFFFF masked to 12 bits stored
    }

    @Test func truncatedAnywhereIsAnErrorNeverACrash() throws {
        for name in ["ct_explicit_le.dcm", "ct_implicit_le.dcm", "ct_explicit_be.dcm", "ct_deflated.dcm", "cr_multiframe_rle.dcm"] {
            let full = try Fixtures.bytes(name)
            for cut in 0..<full.count {
                let e = error(Array(full.prefix(cut)))
                #expect(e != nil, "\(name) cut at \(cut) decoded")
                if let e { #expect(!UserMessage.text(for: e).isEmpty) }
            }
        }
    }

    @Test func lengthPastTheEndNamesTagAndOffset() throws {
        var b = ExplicitLE()
        b.element(0x0010, 0x0020, "LO", Array("ABCD".utf8), length: 400)
        let e = try #require(error(ExplicitLE.part10(b.bytes)))
        #expect(e == .malformed(file: "bad.dcm", tag: Tag(0x0010, 0x0020), offset: 160, problem: e.problem))  // 132 + 28-byte meta element
        #expect(UserMessage.text(for: e) == "bad.dcm: (0010,0020) PatientID: offset 160: value length 400 runs past the end of the data (4 bytes left)")
    }

    @Test func oddLengthNumbersAreRejectedWhenRead() throws {
        var b = ExplicitLE()
        b.element(0x0028, 0x0010, "US", [2, 0, 0])
        let ds = try DICOMReader.read(ExplicitLE.part10(b.bytes), file: "odd.dcm").dataSet
        #expect(throws: DICOMError.self) { try ds.int(.rows) }
        // Odd-length pixel data too short for the image.
        let e = try #require(error(ExplicitLE.image(pixels: [1, 0, 2, 0, 3])))
        #expect(e.problem.contains("pixel data has 5 bytes, 8 expected"))
    }

    @Test func absurdDimensionsRejectedBeforeAllocation() throws {
        let e = try #require(error(ExplicitLE.image(rows: 65535, columns: 65535, frames: "1000")))
        #expect(e.problem.contains("exceeds the limit"))
        #expect(e.coordinates.hasPrefix("bad.dcm: (0028,0008) NumberOfFrames"))
        let zero = try #require(error(ExplicitLE.image(rows: 0)))
        #expect(zero.problem.contains("rows must be positive"))
    }

    @Test func missingRequiredTagsAreNamed() throws {
        for (element, keyword) in [(UInt16(0x0010), "Rows"), (0x0011, "Columns"), (0x0100, "BitsAllocated")] {
            let e = try #require(error(ExplicitLE.image(omit: [element])))
            #expect(e == .missingElement(file: "bad.dcm", tag: Tag(0x0028, element)))
            #expect(UserMessage.text(for: e).contains(keyword))
        }
    }

    @Test func structuralErrors() throws {
        var unknownVR = ExplicitLE()
        unknownVR.element(0x0010, 0x0010, "ZZ", [0x41, 0x41])
        #expect(error(ExplicitLE.part10(unknownVR.bytes), pixels: false)?.problem.contains("unknown VR") == true)

        var stray = ExplicitLE()
        stray.u16(0xFFFE); stray.u16(0xE00D); stray.u32(0)
        #expect(error(ExplicitLE.part10(stray.bytes), pixels: false)?.problem.contains("outside an item") == true)

        // Undefined-length sequence with no delimiter.
        var open = ExplicitLE()
        open.element(0x0008, 0x1140, "SQ", [], length: 0xFFFF_FFFF)
        open.u16(0xFFFE); open.u16(0xE000); open.u32(0xFFFF_FFFF)
        open.element(0x0008, 0x1150, "UI", Array("1.2".utf8) + [0])
        #expect(error(ExplicitLE.part10(open.bytes), pixels: false) != nil)

        // Sequences nested beyond the limit.
        var deep = ExplicitLE()
        for _ in 0..<100 {
            deep.element(0x0008, 0x1140, "SQ", [], length: 0xFFFF_FFFF)
            deep.u16(0xFFFE); deep.u16(0xE000); deep.u32(0xFFFF_FFFF)
        }
        #expect(error(ExplicitLE.part10(deep.bytes), pixels: false)?.problem.contains("nested deeper") == true)

        #expect(error([1, 2, 3], pixels: false) == .notDICOM(file: "bad.dcm", problem: "file is too short to hold a DICOM element (3 bytes)"))
    }

    @Test func encapsulatedSyntaxesNameTheSyntax() throws {
        var b = ExplicitLE()
        b.us(0x0028, 0x0010, 2); b.us(0x0028, 0x0011, 2); b.us(0x0028, 0x0100, 16)
        b.element(0x7FE0, 0x0010, "OB", [], length: 0xFFFF_FFFF)
        b.u16(0xFFFE); b.u16(0xE000); b.u32(0)
        b.u16(0xFFFE); b.u16(0xE000); b.u32(4); b.bytes += [0xFF, 0xD8, 0xFF, 0xD9]
        b.u16(0xFFFE); b.u16(0xE0DD); b.u32(0)
        let e = try #require(error(ExplicitLE.part10(b.bytes, syntax: "1.2.840.10008.1.2.4.90")))
        #expect(e == .unsupportedTransferSyntax(file: "bad.dcm", uid: "1.2.840.10008.1.2.4.90", name: "JPEG 2000 Image Compression (Lossless Only)"))
        #expect(UserMessage.text(for: e) == "bad.dcm: pixel data in JPEG 2000 Image Compression (Lossless Only) (1.2.840.10008.1.2.4.90) cannot be decoded yet")
    }

    @Test func randomCorruptionNeverCrashes() throws {
        var rng = SplitMix64(seed: 2026)
        for name in ["ct_explicit_le.dcm", "ct_implicit_le.dcm", "ct_deflated.dcm", "cr_multiframe_rle.dcm", "no_meta_8bit.dcm"] {
            let good = try Fixtures.bytes(name)
            for _ in 0..<400 {
                var bad = good
                for _ in 0..<(1 + Int(rng.next() % 4)) {
                    bad[Int(rng.next() % UInt64(bad.count))] = UInt8(truncatingIfNeeded: rng.next())
                }
                if let file = try? DICOMReader.read(bad, file: "fuzz") {
                    _ = try? file.pixelData()
                    _ = try? PixelDescriptor(file.dataSet)
                    var lines: [String] = []
                    DicomDump.lines(file.dataSet, depth: 0, into: &lines)
                }
            }
        }
    }
}
