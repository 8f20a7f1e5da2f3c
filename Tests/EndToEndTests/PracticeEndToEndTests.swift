import Foundation
import TestSupport
import Testing

/// `lightbox practice` in a real terminal: the read shows neither the model nor
/// the reference; after the sign the feedback screen shows both and the
/// scoreboard; any key opens the next study; `practice review` agrees.
@Suite(.serialized) struct PracticeEndToEndTests {
    @Test func feedbackOnlyAfterSignThenNextStudy() throws {
        #expect(TmuxSession.isAvailable, "tmux is required (make test installs it)")
        let bin = try #require(LightboxBinary.path)
        let dir = TempDirectory("lightbox-practice-e2e")
        defer { dir.remove() }
        let samples = SharedReference.packageRoot.appendingPathComponent("SampleStudies").path
        let lib = dir.file("lib")
        try FileManager.default.createDirectory(atPath: lib, withIntermediateDirectories: true)
        let chosen = try FileManager.default.contentsOfDirectory(atPath: samples).filter { $0.contains("extremity") }.sorted().prefix(2)
        for name in chosen { try FileManager.default.copyItem(atPath: samples + "/" + name, toPath: lib + "/" + name) }
        let db = dir.file("ledger.sqlite")
        let models = SharedReference.packageRoot.appendingPathComponent("Models").path
        let tmux = try TmuxSession(command: "'\(bin)' practice --library '\(lib)' --reader tina --db '\(db)' --models '\(models)' --graphics halfblock",
                                   width: 120, height: 30, environment: LightboxBinary.actingAs("tina"))
        defer { tmux.kill() }
        try tmux.waitFor("practice")
        try tmux.send("Enter")
        let reading = try tmux.waitFor("Practice: your own read")
        try tmux.send("o", "2", "Enter")
        let decided = try tmux.waitFor("✎ abnormal")
        for screen in [reading, decided] {
            #expect(!screen.contains("Reference") && !screen.contains("AI:") && !screen.contains("fracture-phantom"),
                    "nothing of the model or the reference before the sign:\n\(screen)")
        }
        try tmux.send("S")
        let feedback = try tmux.waitFor("Scoreboard · 1 signed case")
        #expect(feedback.contains("Feedback · \(chosen.first ?? "")") && feedback.contains("Reference"))
        #expect(feedback.contains("agreement with the model"))
        try tmux.send("Space")
        try tmux.waitFor("Signed \(chosen.first ?? ""); opened the next unread study")
        try tmux.send("q")
        try tmux.waitFor("LIGHTBOX-EXITED-0")

        let review = try LightboxBinary.run(["practice", "review", "--library", lib, "--reader", "tina", "--db", db, "--json"],
                                            environment: LightboxBinary.actingAs("tina"))
        #expect(review.status == 0, "\(review.stderr)")
        let board = try #require(try JSONSerialization.jsonObject(with: Data(review.stdout.utf8)) as? [String: Any])
        #expect(board["cases"] as? Int == 1)
        #expect(board["agreementWithModel"] is Double, "the signed read carries the model's value")
    }
}
