import Foundation
import Ledger
import TestSupport
import Testing

/// The foundation's thin path in a real terminal: open the reading room on
/// SampleStudies, open a study, sign, quit; the signed read is in SQLite.
@Suite(.serialized) struct ReadingRoomEndToEndTests {
    let root = SharedReference.packageRoot.path

    @Test func openSignQuitLeavesASignedReadInTheLedger() throws {
        #expect(TmuxSession.isAvailable, "tmux is required (make test installs it)")
        let bin = try #require(LightboxBinary.path, "build lightbox first")
        let dir = TempDirectory()
        defer { dir.remove() }
        let db = dir.file("ledger.sqlite")
        let tmux = try TmuxSession(command: "cd '\(root)' && '\(bin)' --library SampleStudies --db '\(db)' --reader e2e",
                                   // A developer's own keys.toml or themes must not change the keys this test presses.
                                   environment: ["TERM": "xterm-256color", "XDG_CONFIG_HOME": dir.file("config"), "LIGHTBOX_TEST_ACCOUNT": "e2e"])
        defer { tmux.kill() }
        // The queue opens on the first study in folder order.
        let list = try LightboxBinary.run(["studies", "--library", root + "/SampleStudies", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let firstId = try #require(rows.first?["id"] as? String)
        try tmux.waitFor("unread")
        try tmux.send("Enter")
        try tmux.waitFor("Findings")
        try tmux.waitFor(" saved")   // the read is open in the ledger
        // Its finding is still pending: the first S asks, the second signs as left.
        try tmux.send("S")
        try tmux.waitFor("1 finding pending, no confidence — S again to sign, Esc to go back")
        try tmux.send("S")
        try tmux.waitFor("Signed \(firstId)")
        try tmux.send("q")
        try tmux.waitFor("LIGHTBOX-EXITED-0")

        let ledger = try LedgerStore(path: db, readOnly: true)
        let signed = try ledger.signedReads(reader: "e2e")
        #expect(signed.map(\.study) == [firstId])
        #expect(try ledger.verifyChain().problem == nil)
        let mode = try Shell.run("sqlite3", [db, "PRAGMA journal_mode"]).stdout
        #expect(mode.trimmingCharacters(in: .whitespacesAndNewlines) == "wal")
        for sql in ["UPDATE events SET kind = 'x'", "DELETE FROM events", "DELETE FROM signed_reads"] {
            let r = try Shell.run("sqlite3", [db, sql])
            #expect(r.status != 0, "\(sql) must fail")
            #expect(r.stderr.contains("append-only") || r.stderr.contains("refused"), "\(r.stderr)")
        }
    }

    /// The half-block image is written outside curses. When the AI's findings arrive
    /// after the image is on screen they push the panel's lines down, and curses used
    /// to scroll those lines (image rows included) instead of repainting: the image
    /// sat 7 rows low with its bottom cut off until the study was reopened.
    @Test func imageFillsItsPaneAfterTheFindingsArrive() throws {
        #expect(TmuxSession.isAvailable, "tmux is required (make test installs it)")
        let bin = try #require(LightboxBinary.path, "build lightbox first")
        let dir = TempDirectory()
        defer { dir.remove() }
        // One extremity study (three tall views): its first view fills the pane's height.
        let study = "ph-extremity-0c9e212d6688362c"
        try FileManager.default.copyItem(atPath: root + "/SampleStudies/" + study, toPath: dir.file("lib/" + study))
        let tmux = try TmuxSession(command: "cd '\(root)' && '\(bin)' --library '\(dir.file("lib"))' --db '\(dir.file("l.sqlite"))' "
                                       + "--reader e2e --graphics halfblock",
                                   width: 120, height: 36, environment: ["TERM": "xterm-256color", "LIGHTBOX_TEST_ACCOUNT": "e2e"])
        defer { tmux.kill() }
        try tmux.waitFor("unread")
        try tmux.send("Enter")
        try tmux.waitFor("not for clinical use")   // the AI's findings are on screen
        try tmux.waitFor(" saved")
        // Rows 2…33 are the image pane's inside (title row 0, box top 1, box bottom 34, status 35).
        // A capture can fall between curses' repaint and the image's raw rows, or halfway through
        // writing those rows (both seen under the load of the full suite), so judge the image only
        // once two captures 100 ms apart agree on where it is.
        var imageRows: [Int] = []
        var previous: [Int] = [-1]
        for _ in 0..<50 {
            let rows = try tmux.screen().split(separator: "\n", omittingEmptySubsequences: false)
            imageRows = rows.indices.filter { rows[$0].contains("▀") }
            if !imageRows.isEmpty && imageRows == previous { break }
            previous = imageRows
            usleep(100_000)
        }
        #expect(imageRows.first == 2 && imageRows.last == 33 && imageRows.count == 32, "image rows \(imageRows)")
        try tmux.send("q")
        try tmux.waitFor("LIGHTBOX-EXITED-0")
    }
}
