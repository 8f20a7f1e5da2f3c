import Common
import Foundation
import Ledger
import TestSupport
import Testing

/// Issue 16 item 1 through the real binary: two reading processes on one
/// ledger are shown the same stored AI result, and an experiment stops when
/// a model changes after `experiment prepare`.
@Suite(.serialized) struct PinnedAIEndToEndTests {
    static let study = "ph-extremity-0c9e212d6688362c"

    static let second = "ph-extremity-48dc35f022d08c25"

    static func library(_ dir: TempDirectory) throws -> String {
        let root = SharedReference.packageRoot.path
        for id in [study, second] {
            try FileManager.default.copyItem(atPath: root + "/SampleStudies/" + id, toPath: dir.file("lib/" + id))
        }
        return dir.file("lib")
    }

    /// The AI's probability lines of the findings panel, once two captures 100 ms apart
    /// agree (a capture can fall mid-repaint).
    static func panel(_ tmux: TmuxSession) throws -> [String] {
        var previous: [String] = []
        for _ in 0..<50 {
            let lines = try tmux.screen().split(separator: "\n").map(String.init).filter { $0.contains("P = ") }
            if !lines.isEmpty && lines == previous { return lines }
            previous = lines
            usleep(100_000)
        }
        return previous
    }

    @Test func twoReadersAreShownTheSameStoredResult() throws {
        #expect(TmuxSession.isAvailable, "tmux is required (make test installs it)")
        let bin = try #require(LightboxBinary.path, "build lightbox first")
        let dir = TempDirectory(); defer { dir.remove() }
        let lib = try Self.library(dir)
        let db = dir.file("l.sqlite")
        // Both processes start together and open the same study: whichever pins first, both show its bytes.
        let sessions = try ["amy", "bo"].map { reader in
            try TmuxSession(command: "'\(bin)' --library '\(lib)' --db '\(db)' --reader \(reader) --graphics halfblock",
                            width: 120, height: 36, environment: LightboxBinary.actingAs(reader).merging(["TERM": "xterm-256color"]) { a, _ in a })
        }
        defer { sessions.forEach { $0.kill() } }
        for tmux in sessions { try tmux.waitFor("unread") }
        for tmux in sessions { try tmux.send("Enter") }
        var panels: [[String]] = []
        for tmux in sessions {
            try tmux.waitFor("not for clinical use")
            try tmux.waitFor(" saved")
            panels.append(try Self.panel(tmux))
        }
        for tmux in sessions {
            try tmux.send("q")
            try tmux.waitFor("LIGHTBOX-EXITED-0")
        }
        #expect(!panels[0].isEmpty && panels[0] == panels[1], "both readers see the same AI lines: \(panels)")

        let ledger = try LedgerStore(path: db, readOnly: true)
        let results = try ledger.aiResults()
        #expect(results.count == 1 && results.first?.study == Self.study, "one pinned result for the one study opened: \(results.map(\.id))")
        let stored = try #require(results.first)
        var shown: [String: [AIResultReference]] = [:]
        for read in try ledger.reads(reader: "amy") + ledger.reads(reader: "bo") where read.study == Self.study {
            for e in try ledger.events(read: read.id) where e.event.kind == .aiRevealed {
                shown[read.reader] = AIResultReference.parse(e.event.value ?? "")
            }
        }
        let expected = [AIResultReference(id: stored.id, sha256: SHA256.hash(stored.payload))]
        #expect(shown == ["amy": expected, "bo": expected], "each aiRevealed event names the stored result and its hash")
        #expect(try ledger.verifyChain().problem == nil)
    }

    @Test func aModelChangedAfterPrepareStopsReading() throws {
        let bin = try #require(LightboxBinary.path, "build lightbox first")
        let dir = TempDirectory(); defer { dir.remove() }
        let lib = try Self.library(dir)
        let db = dir.file("l.sqlite")
        let models = dir.file("models")
        try FileManager.default.createDirectory(atPath: models, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: SharedReference.packageRoot.path + "/Models/fracture-phantom",
                                         toPath: models + "/fracture-phantom")
        let create = try LightboxBinary.run(["experiment", "create", "pin", "--library", lib, "--readers", "amy,bo",
                                             "--arms", "unaided,aided", "--design", "crossover", "--seed", "3", "--db", db])
        #expect(create.status == 0, "\(create.stderr)")
        let before = try LightboxBinary.run(["experiment", "show", "pin", "--db", db])
        #expect(before.stdout.contains("models: not pinned yet"), "\(before.stdout)")

        let prepare = try LightboxBinary.run(["experiment", "prepare", "pin", "--db", db, "--models", models])
        #expect(prepare.status == 0, "\(prepare.stderr)")
        #expect(prepare.stdout.contains("2 cases, 2 pinned AI results (2 computed now, 0 already stored)"), "\(prepare.stdout)")
        let modelBytes = try #require(FileManager.default.contents(atPath: models + "/fracture-phantom/model.onnx"))
        let sha = SHA256.hash([UInt8](modelBytes))
        #expect(prepare.stdout.contains("fracture-phantom 0.4.0  model.onnx sha256 \(sha)"), "\(prepare.stdout)")
        let again = try LightboxBinary.run(["experiment", "prepare", "pin", "--db", db, "--models", models])
        #expect(again.stdout.contains("(0 computed now, 2 already stored)"), "a second prepare runs nothing: \(again.stdout)")
        let show = try LightboxBinary.run(["experiment", "show", "pin", "--db", db])
        #expect(show.stdout.contains("fracture: fracture-phantom 0.4.0  model.onnx sha256 \(sha)"), "\(show.stdout)")

        // Exports carry the pinned identities in their sidecar.
        let out = dir.file("events.json")
        let export = try LightboxBinary.run(["export", "pin", "--format", "json", "--out", out, "--db", db])
        #expect(export.status == 0, "\(export.stderr)")
        let sidecar = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + ".meta.json"))) as? [String: Any])
        let listed = (sidecar["models"] as? [[String: Any]]) ?? []
        #expect(listed.count == 1 && listed.first?["name"] as? String == "fracture-phantom"
                && listed.first?["modelSHA256"] as? String == sha, "\(listed)")

        // The site swaps the model file (same name, same version): reading stops with both hashes.
        var changed = [UInt8](modelBytes)
        changed.append(0)
        try Data(changed).write(to: URL(fileURLWithPath: models + "/fracture-phantom/model.onnx"))
        let read = try LightboxBinary.run(["read", "--experiment", "pin", "--reader", "amy", "--db", db, "--models", models],
                                          environment: LightboxBinary.actingAs("amy"))
        #expect(read.status != 0)
        let line = read.stderr.trimmingCharacters(in: .newlines)
        #expect(!line.contains("\n"), "one line: \(read.stderr)")
        #expect(line.contains("model fracture-phantom 0.4.0 changed after experiment pin was prepared"), "\(line)")
        #expect(line.contains("model.onnx sha256 was \(sha), is now \(SHA256.hash(changed))"), "\(line)")
    }
}
