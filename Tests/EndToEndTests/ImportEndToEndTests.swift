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

    /// QA defect 6: only hand, extremity and lumbar spine studies are imported; anything else is
    /// skipped with one line naming the file, modality and body part. Patient elements of VR UN are
    /// dropped (they cannot be blanked as text) instead of the file being refused.
    @Test func importsOnlyMSKAndDropsUNPatientElements() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let who = IdentifyingDICOM.Identity(patientName: "Quorvath^Ebbeline", patientID: "UNPID-5521-QQ", birthDate: "19270311",
                                            otherPatientIDs: "UNOTHER-88", institution: "Vexmoor Infirmary", referringPhysician: "Dr^Plaskett",
                                            accession: "ACC-UN-31", sequencePatientID: "UNSEQ-77")
        let files: [(String, String, String, String?)] = [   // name, modality, body part, patient VR
            ("wrist.dcm", "CR", "WRIST", nil), ("hand-un.dcm", "DX", "HAND", "UN"), ("lspine.dcm", "MR", "LSPINE", nil),
            ("abdomen.dcm", "MR", "ABDOMEN", nil), ("head.dcm", "CT", "HEAD", nil), ("dose.dcm", "RTDOSE", "", nil),
            ("seg.dcm", "SEG", "", nil), ("knee-us.dcm", "US", "KNEE", nil), ("neck.dcm", "CR", "CSPINE", nil),
        ]
        try FileManager.default.createDirectory(atPath: dir.file("in"), withIntermediateDirectories: true)
        for (i, (name, modality, part, vr)) in files.enumerated() {
            try IdentifyingDICOM.file(who, studyUID: "1.2.826.0.1.3680043.8.498.\(9100 + i)", bodyPart: part, modality: modality, patientVR: vr)
                .write(to: URL(fileURLWithPath: dir.file("in/\(name)")))
        }
        let lib = dir.file("lib")
        let r = try LightboxBinary.run(["import", dir.file("in"), "--library", lib])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("imported 3 images into 3 studies"), "\(r.stdout)")
        for (name, reason) in [("abdomen.dcm", "MR ABDOMEN: not a hand, extremity or lumbar spine study"),
                               ("head.dcm", "CT HEAD: not a hand, extremity or lumbar spine study"),
                               ("dose.dcm", "RTDOSE (no body part): not a hand, extremity or lumbar spine study"),
                               ("seg.dcm", "SEG (no body part): not a hand, extremity or lumbar spine study"),
                               ("knee-us.dcm", "US KNEE: Lightbox reads extremity radiographs (CR, DX) only"),
                               ("neck.dcm", "CR CSPINE: Lightbox reads the lumbar spine only")] {
            #expect(r.stdout.contains("  \(dir.file("in/\(name)")): \(reason)\n"), "\(name)\n\(r.stdout)")
        }
        let list = try LightboxBinary.run(["studies", "--library", lib, "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(rows.compactMap { $0["kind"] as? String }.sorted() == ["extremity", "hand", "spine"], "\(rows)")
        #expect(rows.allSatisfy { $0["status"] as? String == "ok" }, "\(rows)")
        let everything = try FileManager.default.subpathsOfDirectory(atPath: lib).compactMap {
            FileManager.default.contents(atPath: lib + "/" + $0).map { String(decoding: $0, as: UTF8.self) }
        }.joined() + r.stdout + r.stderr
        for identifier in ["Quorvath", "Ebbeline", "UNPID-5521-QQ", "19270311", "UNOTHER-88", "Vexmoor", "Plaskett", "ACC-UN-31", "UNSEQ-77"] {
            #expect(!everything.contains(identifier), "\(identifier) leaked")
        }
    }

    /// A PNG carries no modality or sex: `--modality` and `--sex` say them, so a radiograph model
    /// (CR/DX on its card) runs on an imported PNG hand; without them it does not apply.
    @Test func pngModalityAndSexLetTheModelsRun() throws {
        let root = SharedReference.packageRoot.path
        let dir = TempDirectory()
        defer { dir.remove() }
        let hand = try #require(try FileManager.default.contentsOfDirectory(atPath: root + "/SampleStudies")
            .sorted().first { $0.contains("hand") })
        for name in ["plain", "dx"] {
            try FileManager.default.createDirectory(atPath: dir.file("\(name)/hand-\(name)"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: root + "/SampleStudies/\(hand)/images/1.png", toPath: dir.file("\(name)/hand-\(name)/1.png"))
        }
        let plain = try LightboxBinary.run(["import", dir.file("plain"), "--library", dir.file("lib-plain")])
        let dx = try LightboxBinary.run(["import", dir.file("dx"), "--library", dir.file("lib-dx"), "--modality", "DX", "--sex", "F"])
        #expect(plain.status == 0 && dx.status == 0, "\(plain.stderr) \(dx.stderr)")
        #expect(plain.stdout.contains("hand OT HAND") && dx.stdout.contains("hand DX HAND"), "\(plain.stdout) \(dx.stdout)")

        func infer(_ lib: String) throws -> String {
            let study = try #require(try FileManager.default.contentsOfDirectory(atPath: lib).first { !$0.hasPrefix(".") })
            let r = try LightboxBinary.run(["infer", lib + "/" + study, "--models", root + "/Models"])
            #expect(r.status == 0, "\(r.stderr)")
            return r.stdout
        }
        #expect(try infer(dir.file("lib-plain")).contains("no installed model applies to hand studies of modality OT"))
        let out = try infer(dir.file("lib-dx"))
        #expect(out.contains("boneage-phantom") && out.contains("bone age"), "\(out)")

        let bad = try LightboxBinary.run(["import", dir.file("dx"), "--library", dir.file("lib-bad"), "--modality", "XR"])
        #expect(bad.status != 0 && bad.stderr.contains("--modality") && bad.stderr.contains("XR"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("lib-bad")), "a refused import writes nothing")
    }
}
