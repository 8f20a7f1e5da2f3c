import Foundation
import Ledger
import TestSupport
import Testing

/// Eight readers on one ledger file at once (the ssh-to-one-host case): each
/// signs studies as fast as the keys arrive. Afterwards every signed read is
/// there once, under the right reader, the chain is intact, and no reader's
/// screen ever showed a database error.
@Suite(.serialized) struct ConcurrentReadersTests {
    @Test func eightReadersOnOneDatabase() throws {
        #expect(TmuxSession.isAvailable, "tmux is required (make test installs it)")
        let bin = try #require(LightboxBinary.path)
        let root = SharedReference.packageRoot.path
        let dir = TempDirectory()
        defer { dir.remove() }
        let db = dir.file("ledger.sqlite")
        let readers = (1...8).map { "reader\($0)" }
        let perReader = ProcessInfo.processInfo.environment["LIGHTBOX_SLOW"] == "1" ? 24 : 4
        let sessions = try readers.map { r in
            try TmuxSession(command: "'\(bin)' --library '\(root)/SampleStudies' --db '\(db)' --reader \(r) --graphics halfblock",
                            width: 100, height: 30, environment: LightboxBinary.actingAs(r))
        }
        defer { sessions.forEach { $0.kill() } }
        for s in sessions { try s.waitFor("Lightbox ·") }
        for s in sessions { try s.send("Enter") }
        // Interleave the readers' signatures so their transactions overlap.
        for round in 0..<perReader {
            for s in sessions {
                try s.waitFor(" saved")
                try s.send("S")
            }
            // Findings are left pending: each reader confirms with a second S.
            for s in sessions {
                try s.waitFor("S again to sign")
                try s.send("S")
            }
            for s in sessions {
                let screen = try s.waitFor("Signed")
                #expect(!screen.lowercased().contains("locked") && !screen.lowercased().contains("busy"),
                        "round \(round): a reader saw a database error:\n\(screen)")
            }
        }
        for s in sessions { try s.send("q"); try s.waitFor("LIGHTBOX-EXITED-0") }

        let ledger = try LedgerStore(path: db, readOnly: true)
        #expect(try ledger.verifyChain().isIntact)
        for r in readers {
            let signed = try ledger.signedReads(reader: r)
            #expect(signed.count == perReader, "\(r) has \(signed.count) signed reads")
            #expect(Set(signed.map(\.study)).count == perReader, "\(r) signed a study twice")
            #expect(signed.allSatisfy { $0.reader == r })
        }
        print("concurrency: \(readers.count) readers × \(perReader) signed reads each on one database, chain intact")
    }
}
