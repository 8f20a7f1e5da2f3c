import Common
import Foundation
import TestSupport
import Testing
import Worklist

@Suite struct StudyLibraryTests {
    static func manifest(id: String, kind: String = "hand", age: String = "120", images: String = #"["images/1.png"]"#) -> String {
        """
        {"formatVersion": 1, "id": "\(id)", "kind": "\(kind)", "modality": "CR", "bodyPart": "HAND",
         "patient": {"pseudoId": "P1", "sex": "F", "ageMonths": \(age)},
         "series": [{"id": "1", "view": "PA", "images": \(images)}]}
        """
    }

    func library(_ studies: [(String, String)]) -> TempDirectory {
        let dir = TempDirectory()
        for (folder, json) in studies {
            dir.write("\(folder)/study.json", json)
            dir.write("\(folder)/images/1.png", "x")
        }
        return dir
    }

    @Test func loadsValidStudiesInFolderOrder() throws {
        let dir = library([("b", Self.manifest(id: "B")), ("a", Self.manifest(id: "A", kind: "spine"))])
        defer { dir.remove() }
        let lib = try StudyLibrary.load(root: dir.path)
        #expect(lib.studies.map(\.id) == ["A", "B"])
        #expect(lib.studies[0].kind == .spine)
        #expect(lib.studies[0].images.count == 1)
        #expect(lib.studies[0].images[0].path.hasSuffix("a/images/1.png"))
    }

    @Test(arguments: [
        (manifest(id: "X", kind: "knee"), "field 'kind': must be one of hand, extremity, spine"),
        (manifest(id: "X", age: "\"ten\""), "field 'patient.ageMonths': expected a whole number"),
        (manifest(id: "X", age: "-3"), "field 'patient.ageMonths': -3 is not an age in months"),
        ("{\"formatVersion\": 1}", "field 'id': required field is missing"),
        ("{ not json", ": not valid JSON"),
        (manifest(id: "X", images: #"["../other/1.png"]"#), "field 'series[0].images[0]': image path '../other/1.png' points outside the study folder"),
        (manifest(id: "X", images: #"["/etc/passwd"]"#), "points outside the study folder"),
        (manifest(id: "X", images: #"["images/missing.png"]"#), "image file 'images/missing.png' does not exist"),
        (manifest(id: "X", images: "[]"), "field 'series': the study lists no images"),
    ])
    func brokenStudyIsListedWithFileAndField(json: String, expected: String) throws {
        let dir = library([("good", Self.manifest(id: "G")), ("bad", json)])
        defer { dir.remove() }
        let lib = try StudyLibrary.load(root: dir.path)
        #expect(lib.studies.map(\.id) == ["G"])
        let broken = lib.entries.compactMap { e -> String? in
            if case .broken(_, let m) = e { return m } else { return nil }
        }
        #expect(broken.count == 1)
        #expect(broken.first?.contains("bad/study.json") == true, "\(broken)")
        #expect(broken.first?.contains(expected) == true, "\(broken.first ?? "") should contain \(expected)")
    }

    @Test func symlinkOutOfTheStudyIsRefused() throws {
        let dir = library([("s", Self.manifest(id: "S", images: #"["images/link.png"]"#))])
        defer { dir.remove() }
        let outside = dir.write("secret.png", "x")
        try FileManager.default.createSymbolicLink(atPath: dir.file("s/images/link.png"), withDestinationPath: outside)
        let lib = try StudyLibrary.load(root: dir.path)
        guard case .broken(_, let message) = lib.entries.first else { Issue.record("expected broken"); return }
        #expect(message.contains("points outside the study folder"))
    }

    @Test func duplicateIdsAreBroken() throws {
        let dir = library([("one", Self.manifest(id: "SAME")), ("two", Self.manifest(id: "SAME"))])
        defer { dir.remove() }
        let lib = try StudyLibrary.load(root: dir.path)
        #expect(lib.studies.count == 1)
        guard case .broken(_, let message) = lib.entries[1] else { Issue.record("expected broken"); return }
        #expect(message.contains("two/study.json: field 'id': study id 'SAME' is already used by one"))
    }

    @Test func missingLibraryIsAnError() {
        #expect(throws: WorklistError.libraryMissing(path: "/nonexistent/lib")) {
            try StudyLibrary.load(root: "/nonexistent/lib")
        }
    }

    /// `--library study.json` (a file) used to say the folder "does not exist", which it plainly does.
    @Test func aFileIsNotALibrary() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let file = dir.write("notes.txt", "x")
        #expect(throws: WorklistError.libraryNotAFolder(path: file)) { try StudyLibrary.load(root: file) }
        #expect(UserMessage.text(for: WorklistError.libraryNotAFolder(path: file)) == "\(file): is a file, not a study library folder")
    }

    @Test func sampleStudiesAllLoad() throws {
        let root = SharedReference.packageRoot.appendingPathComponent("SampleStudies").path
        let lib = try StudyLibrary.load(root: root)
        #expect(!lib.studies.isEmpty)
        #expect(lib.studies.count == lib.entries.count, "broken sample studies: \(lib.entries)")
        #expect(Set(lib.studies.map(\.kind)) == Set(StudyKind.allCases))
    }
}

@Suite struct UnknownAgeTests {
    @Test func missingOrNullAgeMeansUnknownNotBroken() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        for (folder, age) in [("a", ""), ("b", #", "ageMonths": null"#)] {
            dir.write("\(folder)/study.json", """
            {"formatVersion": 1, "id": "\(folder)", "kind": "hand", "modality": "CR", "bodyPart": "HAND",
             "patient": {"pseudoId": "P", "sex": "F"\(age)}, "series": [{"id": "1", "images": ["1.png"]}]}
            """)
            dir.write("\(folder)/1.png", "x")
        }
        let lib = try StudyLibrary.load(root: dir.path)
        #expect(lib.studies.count == 2, "\(lib.entries)")
        #expect(lib.studies.allSatisfy { $0.manifest.patient.ageMonths == nil })
    }
}
