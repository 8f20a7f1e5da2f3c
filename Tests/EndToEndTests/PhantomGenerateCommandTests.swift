import Foundation
import TestSupport
import Testing

/// `lightbox phantom generate` writes loadable library folders, deterministically by seed.
@Suite struct PhantomGenerateCommandTests {
    static func files(under root: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: root) else { return out }
        for case let rel as String in walker {
            var isDir: ObjCBool = false
            let full = root + "/" + rel
            if fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue { out[rel] = try Data(contentsOf: URL(fileURLWithPath: full)) }
        }
        return out
    }

    @Test(arguments: ["hand", "extremity", "spine"])
    func generatedStudiesLoadAndRepeatBySeed(_ kind: String) throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let a = dir.path + "/a", b = dir.path + "/b", c = dir.path + "/c"
        for (out, seed) in [(a, "7"), (b, "7"), (c, "8")] {
            let r = try LightboxBinary.run(["phantom", "generate", "--kind", kind, "--count", "2", "--seed", seed,
                                            "--out", out, "--size", "eighth", "--jobs", "2"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let listing = try LightboxBinary.run(["studies", "--library", a, "--json"])
        #expect(listing.status == 0, "\(listing.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        for row in rows {
            #expect(row["status"] as? String == "ok", "\(row)")
            #expect(row["kind"] as? String == kind)
            #expect((row["images"] as? Int ?? 0) >= 1)
        }
        let filesA = try Self.files(under: a), filesB = try Self.files(under: b), filesC = try Self.files(under: c)
        #expect(filesA.keys.filter { $0.hasSuffix("reference.json") }.count == 2)
        #expect(!filesA.keys.contains { $0.contains(".partial") })
        #expect(filesA == filesB, "same seed must give byte-identical studies")
        #expect(Set(filesA.keys).isDisjoint(with: filesC.keys), "another seed names its studies differently")
        // The reference names the study it belongs to.
        for (rel, data) in filesA where rel.hasSuffix("reference.json") {
            let ref = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(ref["kind"] as? String == kind)
            #expect(rel.hasPrefix((ref["studyId"] as? String ?? "?") + "/"))
        }
    }

    @Test func unknownKindFailsWithOneLine() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let r = try LightboxBinary.run(["phantom", "generate", "--kind", "skull", "--count", "1", "--seed", "1", "--out", dir.path])
        #expect(r.status == 2)
        #expect(r.stderr == "lightbox: --kind: 'skull' is not hand, extremity or spine\n")
    }

    @Test func existingStudyIsNotOverwritten() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let args = ["phantom", "generate", "--kind", "spine", "--count", "1", "--seed", "3", "--out", dir.path, "--size", "eighth"]
        #expect(try LightboxBinary.run(args).status == 0)
        let again = try LightboxBinary.run(args)
        #expect(again.status == 2)
        #expect(again.stderr.hasPrefix("lightbox: ") && again.stderr.contains("study folder already exists"), "\(again.stderr)")
        #expect(again.stderr.split(separator: "\n").count == 1)
    }
}
