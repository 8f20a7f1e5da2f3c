import Common
import Testing
@testable import DICOM

@Suite struct RewriteTests {
    @Test func replacesNameAndIDAndKeepsEverythingElse() throws {
        for name in ["ct_explicit_le.dcm", "ct_implicit_le.dcm", "ct_explicit_be.dcm", "ct_deflated.dcm", "ct_rle.dcm", "no_meta_8bit.dcm"] {
            let original = try DICOMReader.read(try Fixtures.bytes(name), file: name)
            let bytes = try original.rewritten(replacing: [.patientName: "P0123456789", .patientID: "P0123456789", .patientBirthDate: ""])
            let copy = try DICOMReader.read(bytes, file: name)
            #expect(copy.dataSet.string(.patientName) == "P0123456789" && copy.dataSet.string(.patientID) == "P0123456789", "\(name)")
            #expect(!bytes.contains(subsequence: Array("Fixture^Synthetic".utf8)) && !bytes.contains(subsequence: Array("FIX-0001".utf8)), "\(name)")
            #expect(copy.dataSet.count == original.dataSet.count, "\(name)")
            #expect(copy.dataSet.string(.patientSex) == "F" && copy.dataSet.string(.patientAge) == "009Y")
            #expect(try copy.pixelData().samples() == original.pixelData().samples(), "\(name)")
            if original.transferSyntax.isDeflated {
                #expect(copy.transferSyntax == .explicitVRLittleEndian && copy.hasPreamble)
            } else {
                #expect(copy.transferSyntax == original.transferSyntax)
            }
        }
    }

    @Test func patientAgeInMonths() {
        #expect(PatientAge.months(age: "009Y", birthDate: nil, studyDate: nil) == 108)
        #expect(PatientAge.months(age: "018M", birthDate: nil, studyDate: nil) == 18)
        #expect(PatientAge.months(age: "052W", birthDate: nil, studyDate: nil) == 11)
        #expect(PatientAge.months(age: nil, birthDate: "20150610", studyDate: "20240609") == 107)
        #expect(PatientAge.months(age: nil, birthDate: "20150610", studyDate: "20240610") == 108)
        #expect(PatientAge.months(age: "", birthDate: "2015", studyDate: "20240610") == nil)
    }
}

extension Array where Element == UInt8 {
    func contains(subsequence: [UInt8]) -> Bool {
        guard subsequence.count <= count else { return false }
        return (0...(count - subsequence.count)).contains { i in self[i..<(i + subsequence.count)].elementsEqual(subsequence) }
    }
}
