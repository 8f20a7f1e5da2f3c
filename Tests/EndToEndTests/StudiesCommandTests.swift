import Foundation
import TestSupport
import Testing

@Suite struct StudiesCommandTests {
    @Test func jsonListsSampleStudies() throws {
        let lib = SharedReference.packageRoot.appendingPathComponent("SampleStudies").path
        let r = try LightboxBinary.run(["studies", "--library", lib, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(!rows.isEmpty)
        for row in rows {
            for key in ["id", "kind", "modality", "bodyPart", "sex", "ageMonths", "images"] {
                #expect(row[key] != nil, "missing \(key) in \(row)")
            }
        }
    }

    @Test func brokenStudyIsNamedWithFileAndField() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        dir.write("ok/study.json", #"{"formatVersion":1,"id":"OK","kind":"hand","modality":"CR","bodyPart":"HAND","patient":{"pseudoId":"p","sex":"F","ageMonths":100},"series":[{"id":"1","images":["a.png"]}]}"#)
        dir.write("ok/a.png", "x")
        dir.write("bad/study.json", #"{"formatVersion":1,"id":"B","kind":"hand","modality":"CR","bodyPart":"HAND","patient":{"pseudoId":"p","sex":"F","ageMonths":"old"},"series":[]}"#)
        let r = try LightboxBinary.run(["studies", "--library", dir.path, "--json"])
        #expect(r.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let bad = try #require(rows.first { $0["status"] as? String == "broken" })
        #expect((bad["error"] as? String)?.contains("bad/study.json: field 'patient.ageMonths': expected a whole number") == true, "\(bad)")
    }

    /// Ids longer than the old fixed 18-character column pushed every later column right.
    @Test func tableColumnsLineUp() throws {
        let lib = SharedReference.packageRoot.appendingPathComponent("SampleStudies").path
        let r = try LightboxBinary.run(["studies", "--library", lib])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first)
        let kindColumn = try #require(header.range(of: "KIND")).lowerBound.utf16Offset(in: header)
        for line in lines.dropFirst().dropLast() {
            let kind = line.split(separator: " ", omittingEmptySubsequences: true)[1]
            #expect(line.range(of: " \(kind) ").map { $0.lowerBound.utf16Offset(in: line) + 1 } == kindColumn, "\(line)")
        }
    }

    @Test func missingLibraryFailsWithOneLineAndExit2() throws {
        let r = try LightboxBinary.run(["studies", "--library", "/nonexistent/library"])
        #expect(r.status == 2)
        #expect(r.stderr == "lightbox: /nonexistent/library: study library folder does not exist\n")
    }
}
