import Foundation
import TestSupport
import Testing

/// `lightbox import`: DICOM grouped by study, PNG by folder, names and ids
/// replaced by pseudonyms, skips reported with their reason, and the result
/// a library the reading room loads.
@Suite struct ImportEndToEndTests {
    @Test func importsPseudonymisesAndReportsSkips() throws {
        let root = SharedReference.packageRoot.path
        let dir = TempDirectory()
        defer { dir.remove() }
        let input = dir.file("in")
        try FileManager.default.createDirectory(atPath: input + "/dcm", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: input + "/wrist-pngs", withIntermediateDirectories: true)
        // The fixture carries PatientName "Fixture^Synthetic" and PatientID "FIX-0001".
        try FileManager.default.copyItem(atPath: root + "/Tests/DICOMTests/Fixtures/ct_explicit_le.dcm", toPath: input + "/dcm/a.dcm")
        let png = try FileManager.default.contentsOfDirectory(atPath: root + "/SampleStudies")
            .first { $0.contains("extremity") }.map { root + "/SampleStudies/" + $0 + "/images/1.png" }
        try FileManager.default.copyItem(atPath: try #require(png), toPath: input + "/wrist-pngs/1.png")
        dir.write("in/notes.txt", "not an image")
        let lib = dir.file("lib")

        let r = try LightboxBinary.run(["import", input, "--library", lib])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("imported 2 images into 2 studies"), "\(r.stdout)")
        #expect(r.stdout.contains("notes.txt: neither PNG nor DICOM"), "\(r.stdout)")

        let list = try LightboxBinary.run(["studies", "--library", lib, "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0["status"] as? String == "ok" }, "\(rows)")
        #expect(Set(rows.compactMap { $0["kind"] as? String }) == ["hand", "extremity"])

        // No identifier survives anywhere in the library or in what the commands printed.
        let everything = try FileManager.default.subpathsOfDirectory(atPath: lib).compactMap {
            FileManager.default.contents(atPath: lib + "/" + $0).map { String(decoding: $0, as: UTF8.self) }
        }.joined() + r.stdout + r.stderr + list.stdout
        for identifier in ["Fixture^Synthetic", "Fixture", "FIX-0001"] {
            #expect(!everything.contains(identifier), "\(identifier) leaked")
        }
    }
}
