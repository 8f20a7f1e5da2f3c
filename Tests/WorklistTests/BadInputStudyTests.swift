import Common
import Foundation
import TestSupport
import Testing
@testable import Worklist

/// Issue 9, bad input: a broken `study.json` gives one line naming the file, the
/// field and what is wrong; image paths may not leave the study folder by `../`,
/// an absolute path or a symlink; loading writes nothing into the folder.
@Suite struct BadInputStudyTests {
    static func manifest(id: String = "S", age: String = "120", series: String? = nil, images: String = #"["images/1.png"]"#) -> String {
        """
        {"formatVersion": 1, "id": "\(id)", "kind": "hand", "modality": "CR", "bodyPart": "HAND",
         "patient": {"pseudoId": "P1", "sex": "F", "ageMonths": \(age)},
         "series": \(series ?? #"[{"id": "1", "view": "PA", "images": \#(images)}]"#)}
        """
    }

    /// Every file under `path` with its size and modification date.
    static func snapshot(_ path: String) -> [String: String] {
        var out: [String: String] = [:]
        let fm = FileManager.default
        for rel in (fm.subpaths(atPath: path) ?? []) {
            let a = (try? fm.attributesOfItem(atPath: (path as NSString).appendingPathComponent(rel))) ?? [:]
            out[rel] = "\(a[.size] ?? "-") \(a[.modificationDate] ?? "-")"
        }
        return out
    }

    /// Loads the study in a fresh folder holding `json` and images/1.png; returns the
    /// one-line message and checks that loading left the folder as it was.
    static func message(_ json: String, setUp: (TempDirectory) throws -> Void = { _ in }) throws -> (String?, String) {
        let dir = TempDirectory("badinput-study")
        defer { dir.remove() }
        dir.write("study.json", json)
        dir.write("images/1.png", "x")
        try setUp(dir)
        let before = snapshot(dir.path)
        var text: String?
        do { _ = try StudyLoader.load(folder: dir.path) } catch { text = UserMessage.text(for: error) }
        #expect(snapshot(dir.path) == before, "loading changed the study folder")
        return (text, dir.file("study.json"))
    }

    @Test func controlManifestLoads() throws {
        let (m, _) = try Self.message(Self.manifest())
        #expect(m == nil)
    }

    // MARK: Malformed JSON and wrong types

    @Test(arguments: [
        ("{ not json", "not valid JSON (invalid value around character 2)"),
        ("", "not valid JSON (unexpected end of file during JSON parse)"),
        ("{\"formatVersion\": 1,", "not valid JSON (unexpected end of file during JSON parse)"),
        ("{\"id\": \"S\" \"kind\": 1}", "not valid JSON (invalid value around character 11)"),
        ("\u{FEFF}\u{1}", "not valid JSON (invalid value around character 0)"),
        ("[1, 2, 3]", "expected an object"),
        ("\"study\"", "expected an object"),
    ])
    func malformedJSON(json: String, expected: String) throws {
        let (m, file) = try Self.message(json)
        #expect(m == "\(file): \(expected)")
    }

    @Test(arguments: [
        (manifest(age: "\"ten\""), "field 'patient.ageMonths': expected a whole number"),
        (manifest(age: "12.5"), "field 'patient.ageMonths': expected a whole number, found 12.5"),
        (manifest(age: "1e400"), "not valid JSON (number 1e400 is not representable in Swift)"),
        (manifest(age: "99999999999999999999"), "field 'patient.ageMonths': expected a whole number, found 99999999999999999999"),
        (manifest().replacingOccurrences(of: "\"formatVersion\": 1", with: "\"formatVersion\": 1.5"),
         "field 'formatVersion': expected a whole number, found 1.5"),
        (manifest(age: "-1"), "field 'patient.ageMonths': -1 is not an age in months (0…1500)"),
        (manifest(id: "a\\nb"), "field 'id': must be a non-empty single line"),
        (manifest(id: ""), "field 'id': must be a non-empty single line"),
        (manifest(series: "{}"), "field 'series': expected a list"),
        (manifest(series: "[]"), "field 'series': the study lists no images"),
        (manifest(images: "\"images/1.png\""), "field 'series[0].images': expected a list"),
        (manifest(images: "[7]"), "field 'series[0].images[0]': expected a string"),
        (manifest(series: #"[{"images": []}]"#), "field 'series[0].id': required field is missing"),
        (#"{"formatVersion": 2}"#, "field 'id': required field is missing"),
        (manifest().replacingOccurrences(of: "\"formatVersion\": 1", with: "\"formatVersion\": 2"),
         "field 'formatVersion': version 2 is not supported (expected 1)"),
        (manifest().replacingOccurrences(of: "\"sex\": \"F\"", with: "\"sex\": \"female\""), "field 'patient.sex': must be F, M or O"),
        (manifest().replacingOccurrences(of: "\"hand\"", with: "\"knee\""), "field 'kind': must be one of hand, extremity, spine"),
    ])
    func wrongTypesAndValues(json: String, expected: String) throws {
        let (m, file) = try Self.message(json)
        #expect(m == "\(file): \(expected)")
    }

    // MARK: Image paths leaving the study folder

    @Test(arguments: [
        "../1.png", "images/../../1.png", "./../1.png", "images/..", "..", "/etc/hosts", "/", "",
    ])
    func pathsOutsideTheFolderAreRefused(_ path: String) throws {
        let (m, file) = try Self.message(Self.manifest(images: "[\"\(path)\"]"))
        #expect(m == "\(file): field 'series[0].images[0]': image path '\(path)' points outside the study folder")
    }

    @Test func symlinkedImageLeavingTheFolder() throws {
        let outside = TempDirectory("badinput-outside")
        defer { outside.remove() }
        let target = outside.write("secret.png", "x")
        let (m, file) = try Self.message(Self.manifest(images: #"["images/1.png", "images/link.png"]"#)) { dir in
            try FileManager.default.createSymbolicLink(atPath: dir.file("images/link.png"), withDestinationPath: target)
        }
        #expect(m == "\(file): field 'series[0].images[1]': image path 'images/link.png' points outside the study folder")
    }

    @Test func symlinkedDirectoryLeavingTheFolder() throws {
        let outside = TempDirectory("badinput-outside")
        defer { outside.remove() }
        outside.write("1.png", "x")
        let (m, file) = try Self.message(Self.manifest(images: #"["scans/1.png"]"#)) { dir in
            try FileManager.default.createSymbolicLink(atPath: dir.file("scans"), withDestinationPath: outside.path)
        }
        #expect(m == "\(file): field 'series[0].images[0]': image path 'scans/1.png' points outside the study folder")
    }

    @Test func relativeSymlinkClimbingOut() throws {
        let (m, file) = try Self.message(Self.manifest(images: #"["images/up.png"]"#)) { dir in
            // ../.. from images/ is the folder holding the study: it exists, and it is outside
            try FileManager.default.createSymbolicLink(atPath: dir.file("images/up.png"), withDestinationPath: "../..")
        }
        #expect(m == "\(file): field 'series[0].images[0]': image path 'images/up.png' points outside the study folder")
    }

    @Test func symlinkStayingInsideIsAccepted() throws {
        let (m, _) = try Self.message(Self.manifest(images: #"["images/alias.png"]"#)) { dir in
            try FileManager.default.createSymbolicLink(atPath: dir.file("images/alias.png"), withDestinationPath: "1.png")
        }
        #expect(m == nil)
    }

    // MARK: The pure half, as the fuzzer drives it

    @Test func decodeAndValidateNeedNoFiles() throws {
        #expect(throws: WorklistError.malformed(file: "study.json", field: "", reason: "not valid JSON (unexpected end of file during JSON parse)")) {
            _ = try StudyLoader.decode(Data("{".utf8), file: "study.json")
        }
        let m = try StudyLoader.decode(Data(Self.manifest().utf8), file: "study.json")
        try StudyLoader.validate(m, file: "study.json")
        #expect(m.imageCount == 1)
    }
}
