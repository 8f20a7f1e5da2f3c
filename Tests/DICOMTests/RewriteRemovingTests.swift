import Testing
@testable import DICOM

/// Dropping whole top-level elements on import (identifying sequences cannot be
/// blanked as text), and the dump never printing identifying values.
@Suite struct RewriteRemovingTests {
    @Test func removedElementsAreGoneAndTheRestParsesUnchanged() throws {
        for name in ["ct_explicit_le.dcm", "ct_implicit_le.dcm", "ct_explicit_be.dcm", "ct_deflated.dcm"] {
            let original = try DICOMReader.read(try Fixtures.bytes(name), file: name)
            let tags = original.dataSet.elements.map(\.tag)
            // The first, a middle and the last element before pixel data: every splice position.
            let drop: Set<DICOM.Tag> = [tags[0], tags[tags.count / 2], tags[tags.count - 2]]
            let bytes = try original.rewritten(replacing: [.patientName: "P0123456789"], removing: drop)
            let copy = try DICOMReader.read(bytes, file: name)
            #expect(copy.dataSet.elements.map(\.tag) == tags.filter { !drop.contains($0) }, "\(name)")
            #expect(copy.dataSet.string(.patientName) == "P0123456789", "\(name)")
            #expect(try copy.pixelData().samples() == original.pixelData().samples(), "\(name)")
        }
    }

    @Test func aTagBothReplacedAndRemovedIsReplaced() throws {
        let original = try DICOMReader.read(try Fixtures.bytes("ct_explicit_le.dcm"), file: "a.dcm")
        let copy = try DICOMReader.read(try original.rewritten(replacing: [.patientID: "P1"], removing: [.patientID]), file: "a.dcm")
        #expect(copy.dataSet.string(.patientID) == "P1")
    }

    @Test func dumpWithholdsIdentifyingValues() throws {
        let file = try DICOMReader.read(try Fixtures.bytes("ct_explicit_le.dcm"), file: "a.dcm")
        var lines: [String] = []
        DicomDump.lines(file.dataSet, depth: 0, into: &lines)
        let text = lines.joined(separator: "\n")
        #expect(!text.contains("Fixture") && !text.contains("FIX-0001"))
        #expect(text.contains("(0010,0010) PN PatientName <identifying: "))
        #expect(text.contains("PatientSex [F]"), "other values are still shown")
        #expect(DICOM.Tag.identifying.contains(.patientName) && DICOM.Tag.identifying.contains(DICOM.Tag(0x0008, 0x0050)) && !DICOM.Tag.identifying.contains(.patientSex))
    }
}
