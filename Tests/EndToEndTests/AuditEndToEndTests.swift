import Foundation
import TestSupport
import Testing

/// `lightbox audit` on a simulated crossover with the sequential arm (issue 16
/// item 5): every section is printed, with the pinned models' hashes, and
/// `--json` is valid JSON with the same content.
@Suite struct AuditEndToEndTests {
    @Test func auditOfASimulatedCrossoverWithSequentialArm() throws {
        _ = try #require(LightboxBinary.path, "build lightbox first")
        let dir = TempDirectory(); defer { dir.remove() }
        let lib = SharedReference.packageRoot.appendingPathComponent("SampleStudies").path
        let db = dir.file("l.sqlite")
        let january = ["LIGHTBOX_NOW": "2026-01-05T09:00:00Z"], june = ["LIGHTBOX_NOW": "2026-06-20T09:00:00Z"]
        let create = try LightboxBinary.run(["experiment", "create", "au", "--library", lib, "--readers", "ann,ben",
                                             "--arms", "unaided,aided", "--sequential", "--design", "crossover", "--seed", "4",
                                             "--db", db], environment: january)
        #expect(create.status == 0, "\(create.stderr)")
        let prepare = try LightboxBinary.run(["experiment", "prepare", "au", "--db", db], environment: january)
        #expect(prepare.status == 0, "\(prepare.stderr)")
        let simulate = try LightboxBinary.run(["simulate", "au", "--seed", "3", "--db", db], environment: june)
        #expect(simulate.status == 0, "\(simulate.stderr)")

        let audit = try LightboxBinary.run(["audit", "au", "--db", db])
        #expect(audit.status == 0, "\(audit.stderr)")
        let text = audit.stdout
        for title in ["Design", "Randomisation", "Sessions", "Models", "Event chain", "Anomalies"] {
            #expect(text.contains("\n\(title)\n"), "section \(title): \(text)")
        }
        #expect(text.contains("arms unaided, aided, sequential") && text.contains("design sha256 "))
        #expect(text.contains("seed 4, ") && text.contains("assignment table sha256 "))
        for reader in ["ann", "ben"] {
            for session in 1...3 { #expect(text.contains("\(reader) session \(session): 24/24 signed"), "\(reader) \(session)") }
            #expect(text.contains("\(reader) session 2: 24/24 signed") && text.contains("washout "))
        }
        #expect(text.contains("fracture: fracture-phantom 0.4.0") && text.contains("  model.onnx sha256 "), "\(text)")
        #expect(text.contains("intact: ") && text.contains("192 signed reads"), "\(text)")

        let json = try LightboxBinary.run(["audit", "au", "--db", db, "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        for key in ["design", "randomisation", "sessions", "models", "chain", "anomalies", "formatVersion", "lightboxVersion"] {
            #expect(object[key] != nil, "json has \(key)")
        }
        #expect((object["sessions"] as? [Any])?.count == 6)
        #expect((object["models"] as? [Any])?.count == 3)
        #expect((object["chain"] as? [String: Any])?["intact"] as? Bool == true)
    }
}
