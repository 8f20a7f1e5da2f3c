import Foundation
import Ledger
import TestSupport
import Testing

/// A reader's experiment session in a real terminal: assigned order, the arm of
/// each case on the status line, AI hidden on unaided cases, reads stored
/// under the experiment's context, and the washout refusal for session 2.
@Suite(.serialized) struct ReadExperimentEndToEndTests {
    @Test func readerSessionFollowsArmsAndWashout() throws {
        #expect(TmuxSession.isAvailable, "tmux is required (make test installs it)")
        let bin = try #require(LightboxBinary.path)
        let dir = TempDirectory()
        defer { dir.remove() }
        let (lib, db) = try Self.extremityCrossover(in: dir)

        let tmux = try TmuxSession(command: "'\(bin)' read --experiment wr --reader amy --db '\(db)' --graphics halfblock",
                                   width: 120, height: 30, environment: LightboxBinary.actingAs("amy"))
        defer { tmux.kill() }
        try tmux.waitFor("wr session 1")
        // Sign every case of session 1 without answering: each read still records its arm.
        var sawUnaided = false, sawAided = false
        for _ in 0..<8 {
            try tmux.send("Enter")
            let screen = try tmux.waitFor(" saved")
            if screen.contains("· unaided ·") {
                sawUnaided = true
                // The capture may catch curses mid-frame; wait for the findings panel itself.
                let panel = try tmux.waitFor("Unaided read: no AI in this arm.")
                #expect(!panel.contains("AI:"), "an unaided read must not show the AI")
            }
            if screen.contains("· aided ·") { sawAided = true }
            // An experiment's read needs a confidence: S asks for it, then (the finding
            // left pending) asks once more before signing.
            try tmux.send("S")
            try tmux.waitFor("needs your confidence")
            try tmux.send("3", "Enter")
            try tmux.waitFor("1 finding pending — S again to sign")
            try tmux.send("S")
            try tmux.waitFor("Signed")
            try tmux.send("Escape")
        }
        try tmux.send("q")
        try tmux.waitFor("LIGHTBOX-EXITED-0")
        #expect(sawUnaided && sawAided, "session 1 of a crossover mixes both arms")

        let ledger = try LedgerStore(path: db, readOnly: true)
        let reads = try ledger.signedReads(reader: "amy")
        #expect(reads.count == 8)
        #expect(reads.allSatisfy { $0.context.experiment == "wr" && $0.context.session == 1 })
        #expect(Set(reads.compactMap(\.context.arm)) == ["unaided", "aided"])
        // The app session is on record with the OS account that ran it, and every event names it.
        let sessions = try ledger.appSessions()
        #expect(sessions.map { "\($0.reader) \($0.osAccount) \($0.experiment ?? "-") \($0.session ?? 0)" } == ["amy amy wr 1"])
        let appSessions = Set(try reads.flatMap { try ledger.events(read: $0.readID) }.map(\.event.appSession))
        #expect(appSessions == Set(sessions.map(\.appSession)))

        // Session 2 waits for the washout, and says when it opens.
        let again = try Shell.run(bin, ["read", "--experiment", "wr", "--reader", "amy", "--db", db], environment: LightboxBinary.actingAs("amy"))
        #expect(again.status == 2)
        #expect(again.stderr.contains("session 2") && again.stderr.contains("28-day washout"), "\(again.stderr)")
    }

    /// QA defect 2: after a quit mid-session, progress counts the session's signed
    /// cases ("2/8 signed", "3 of 8"), not only the ones left ("0/6", "1 of 6").
    @Test func progressAfterResumeCountsTheWholeSession() throws {
        #expect(TmuxSession.isAvailable, "tmux is required (make test installs it)")
        let bin = try #require(LightboxBinary.path)
        let dir = TempDirectory()
        defer { dir.remove() }
        let (lib, db) = try Self.extremityCrossover(in: dir)
        let command = "'\(bin)' read --experiment wr --reader amy --db '\(db)' --graphics halfblock"
        do {
            let tmux = try TmuxSession(command: command, width: 120, height: 30, environment: LightboxBinary.actingAs("amy"))
            defer { tmux.kill() }
            try tmux.waitFor("0/8 signed")
            try tmux.send("Enter")
            for n in 1...2 {
                try tmux.waitFor("\(n) of 8 · saved")
                try tmux.send("S")
                try tmux.waitFor("needs your confidence")
                try tmux.send("4", "Enter")
                try tmux.waitFor("S again to sign")
                try tmux.send("S")
                try tmux.waitFor("Signed")
            }
            try tmux.waitFor("3 of 8 · saved")
            try tmux.send("q")
            try tmux.waitFor("LIGHTBOX-EXITED-0")
        }
        let tmux = try TmuxSession(command: command, width: 120, height: 30, environment: LightboxBinary.actingAs("amy"))
        defer { tmux.kill() }
        try tmux.waitFor("2/8 signed")
        try tmux.send("Enter")
        try tmux.waitFor("3 of 8 · saved")
        try tmux.send("q")
        try tmux.waitFor("LIGHTBOX-EXITED-0")
        let reads = try LedgerStore(path: db, readOnly: true).signedReads(reader: "amy")
        #expect(reads.count == 2)
    }

    /// The eight sample extremity studies in their own library, and a two-reader
    /// crossover "wr" (amy, bo; seed 3) over them in a fresh ledger.
    static func extremityCrossover(in dir: TempDirectory) throws -> (library: String, db: String) {
        let samples = SharedReference.packageRoot.appendingPathComponent("SampleStudies").path
        let lib = dir.file("lib")
        try FileManager.default.createDirectory(atPath: lib, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: samples) where name.contains("extremity") {
            try FileManager.default.copyItem(atPath: samples + "/" + name, toPath: lib + "/" + name)
        }
        let db = dir.file("ledger.sqlite")
        let create = try LightboxBinary.run(["experiment", "create", "wr", "--library", lib, "--readers", "amy,bo",
                                             "--arms", "unaided,aided", "--design", "crossover", "--seed", "3", "--db", db])
        #expect(create.status == 0, "\(create.stderr)")
        return (lib, db)
    }
}
