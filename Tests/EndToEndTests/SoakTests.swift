import Foundation
import Ledger
import TestSupport
import Testing

/// Timed soak (make test-slow): N reading-room processes on one ledger file for
/// M minutes, each signing the sample library as fast as its screen allows; when
/// a reader has signed every study, its process quits and a fresh reader
/// identity starts in the same slot, so all N slots write for the whole time.
/// Afterwards: every sign acknowledged on screen is in the ledger exactly once,
/// under its reader, with its opened and signed events; the audit chain is
/// intact; no screen ever showed a busy or locked database.
/// LIGHTBOX_SOAK_READERS (default 8) and LIGHTBOX_SOAK_MINUTES (default 5).
@Suite(.serialized) struct SoakTests {
    static let environment = ProcessInfo.processInfo.environment

    @Test(.enabled(if: environment["LIGHTBOX_SLOW"] == "1", "a soak of minutes: make test-slow (LIGHTBOX_SLOW=1)"))
    func readersHoldOneLedgerForMinutes() throws {
        #expect(TmuxSession.isAvailable, "tmux is required (make test installs it)")
        let bin = try #require(LightboxBinary.path)
        let root = SharedReference.packageRoot.path
        let slots = Int(Self.environment["LIGHTBOX_SOAK_READERS"] ?? "") ?? 8
        let minutes = Double(Self.environment["LIGHTBOX_SOAK_MINUTES"] ?? "") ?? 5
        let dir = TempDirectory("lightbox-soak")
        defer { dir.remove() }
        let db = dir.file("ledger.sqlite")
        let studies = try FileManager.default.contentsOfDirectory(atPath: root + "/SampleStudies")
            .filter { FileManager.default.fileExists(atPath: root + "/SampleStudies/\($0)/study.json") }.count

        final class Slot {
            var session: TmuxSession
            var reader: String
            var signed = 0
            var generation = 1
            init(session: TmuxSession, reader: String) { self.session = session; self.reader = reader }
        }
        func start(_ reader: String) throws -> TmuxSession {
            let s = try TmuxSession(command: "'\(bin)' --library '\(root)/SampleStudies' --db '\(db)' --reader \(reader) --graphics halfblock",
                                    width: 110, height: 30, environment: LightboxBinary.actingAs(reader))
            try s.waitFor("Lightbox ·", timeout: 60)
            try s.send("Enter")
            return s
        }
        let slotsList = try (1...slots).map { i in Slot(session: try start("s\(i)g1"), reader: "s\(i)g1") }
        defer { slotsList.forEach { $0.session.kill() } }

        var acknowledged: [String: Int] = [:]
        var busyScreens = 0, timeouts = 0, screens = 0
        let began = Date()
        let end = began.addingTimeInterval(minutes * 60)
        while Date() < end {
            for slot in slotsList {
                // The position of the next study in the status line, or the all-signed queue.
                let expected = slot.signed < studies ? "· \(slot.signed + 1) of \(studies) · saved" : "\(studies)/\(studies) signed"
                let screen: String
                do { screen = try slot.session.waitFor(expected, timeout: 60) } catch {
                    timeouts += 1
                    Issue.record("\(slot.reader): waited 60 s for '\(expected)': \(error)")
                    continue
                }
                screens += 1
                let lower = screen.lowercased()
                if lower.contains("locked") || lower.contains("busy") || lower.contains("database") {
                    busyScreens += 1
                    Issue.record("\(slot.reader) saw a database error:\n\(screen)")
                }
                acknowledged[slot.reader] = slot.signed
                if slot.signed < studies {
                    // Findings are left pending: the first S asks, the second signs.
                    try slot.session.send("S", "S")
                    slot.signed += 1
                } else {
                    // Every study signed: quit and start the next reader identity in this slot.
                    try slot.session.send("q")
                    try slot.session.waitFor("LIGHTBOX-EXITED-0", timeout: 30)
                    slot.session.kill()
                    slot.generation += 1
                    slot.reader = slot.reader.split(separator: "g").first.map { "\($0)g\(slot.generation)" } ?? slot.reader
                    slot.session = try start(slot.reader)
                    slot.signed = 0
                }
            }
        }
        // The last S of each slot is acknowledged by its next screen.
        for slot in slotsList {
            let expected = slot.signed < studies ? "· \(slot.signed + 1) of \(studies) · saved" : "\(studies)/\(studies) signed"
            if (try? slot.session.waitFor(expected, timeout: 60)) != nil { acknowledged[slot.reader] = slot.signed }
            try slot.session.send("q")
            _ = try? slot.session.waitFor("LIGHTBOX-EXITED-0", timeout: 30)
        }
        let held = Date().timeIntervalSince(began) / 60

        let ledger = try LedgerStore(path: db, readOnly: true)
        #expect(try ledger.verifyChain().isIntact, "audit chain broken")
        var lost = 0, duplicated = 0, misattributed = 0, signedTotal = 0
        for (reader, count) in acknowledged {
            let signed = try ledger.signedReads(reader: reader)
            signedTotal += signed.count
            lost += max(0, count - signed.count)
            duplicated += signed.count - Set(signed.map(\.study)).count
            misattributed += signed.filter { $0.reader != reader }.count
            #expect(signed.count == count, "\(reader): \(count) signs acknowledged on screen, \(signed.count) in the ledger")
        }
        func count(_ sql: String) throws -> Int {
            Int(try Shell.run("sqlite3", [db, sql]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        }
        let events = try count("SELECT count(*) FROM events")
        // Every signed read has exactly one signed event (the one its row points at) and was opened.
        let badSigned = try count("""
            SELECT count(*) FROM signed_reads s WHERE
              (SELECT count(*) FROM events e WHERE e.read_id = s.read_id AND e.kind = 'signed') != 1
              OR NOT EXISTS (SELECT 1 FROM events e WHERE e.id = s.event_id AND e.read_id = s.read_id AND e.kind = 'signed')
              OR NOT EXISTS (SELECT 1 FROM events e WHERE e.read_id = s.read_id AND e.kind = 'opened')
            """)
        let integrity = try Shell.run("sqlite3", [db, "PRAGMA integrity_check"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(integrity == "ok")
        #expect(badSigned == 0, "\(badSigned) signed reads without exactly one signed event or without an opened event")
        #expect(lost == 0 && duplicated == 0 && misattributed == 0 && busyScreens == 0 && timeouts == 0)
        #expect(signedTotal > 0)
        let line = String(format: "soak: %d readers × %.1f min held (%.1f reader-minutes), %d reader identities, %d signed reads, %d events written, "
                          + "lost %d, duplicated %d, misattributed %d, busy/locked screens %d, timeouts %d, %d screens checked, chain intact, integrity %@",
                          slots, held, Double(slots) * held, acknowledged.count, signedTotal, events, lost, duplicated, misattributed,
                          busyScreens, timeouts, screens, integrity)
        print(line)
        if let path = Self.environment["LIGHTBOX_SOAK_REPORT"] { try? (line + "\n").write(toFile: path, atomically: true, encoding: .utf8) }
    }
}
