import GRDB
import Testing
@testable import Ledger
import ReaderStudy

/// Tampering is done the way someone with the sqlite3 shell would: drop the
/// triggers, then edit, delete or insert rows.
@Suite struct ChainTests {
    /// Events 1…5: read 1 (ana, S1) has 1, 2, 3 and 5; read 2 (bob, S2) has 4.
    private func fiveEvents(_ fx: LedgerFixture) throws -> LedgerStore {
        let store = try fx.store()
        let a = try store.openRead(reader: "ana", study: "S1", context: .plain)
        let b = try store.openRead(reader: "bob", study: "S2", context: .plain)
        try store.append(event(.opened, 1), to: a.id)
        try store.append(event(.aiRevealed, 2), to: a.id)
        try store.append(event(.valueChanged, 3, finding: "fracture.study", value: "abnormal"), to: a.id)
        try store.append(event(.opened, 4, session: "app-2"), to: b.id)
        try store.append(event(.paused, 5), to: a.id)
        return store
    }

    private func tamper(_ fx: LedgerFixture, _ sql: String) throws {
        try fx.raw().writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: """
                DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;
                DROP TRIGGER signed_reads_no_update; DROP TRIGGER signed_reads_no_delete;
                DROP TRIGGER reads_identity_is_fixed;
                """)
            try db.execute(sql: sql)
        }
    }

    @Test func anUntouchedChainVerifies() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fiveEvents(fx)
        try store.sign(1, decisions: [fractureDecision], confidence: 3, event: event(.signed, 6))
        let report = try store.verifyChain()
        #expect(report.problem == nil)
        #expect(report.eventCount == 6)
        #expect(report.signedReadCount == 1)
        let events = try store.events(read: 1) + store.events(read: 2)
        let sorted = events.sorted { $0.id < $1.id }
        #expect(report.headHash == sorted.last?.hash)
        #expect(sorted.first?.prevHash == String(repeating: "0", count: 64))
        for (earlier, later) in zip(sorted, sorted.dropFirst()) { #expect(later.prevHash == earlier.hash) }
    }

    @Test func anEmptyLedgerVerifies() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let report = try fx.store().verifyChain()
        #expect(report == ChainReport(eventCount: 0, signedReadCount: 0,
                                      headHash: String(repeating: "0", count: 64), problem: nil))
    }

    @Test func anEditedRowIsNamed() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fiveEvents(fx)
        try tamper(fx, "UPDATE events SET value = 'normal' WHERE id = 3")
        #expect(try store.verifyChain().problem == .edited(event: 3))
    }

    @Test func anEditedTimeIsNamed() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fiveEvents(fx)
        try tamper(fx, "UPDATE events SET monotonic_ns = monotonic_ns + 1 WHERE id = 5")
        #expect(try store.verifyChain().problem == .edited(event: 5))
    }

    @Test func movingAReadToAnotherReaderBreaksItsFirstEvent() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fiveEvents(fx)
        try tamper(fx, "INSERT INTO readers VALUES ('cy', 0); UPDATE reads SET reader = 'cy' WHERE id = 2")
        #expect(try store.verifyChain().problem == .edited(event: 4))
    }

    @Test func aRemovedRowIsNamed() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fiveEvents(fx)
        try tamper(fx, "DELETE FROM events WHERE id = 3")
        let problem = try store.verifyChain().problem
        #expect(problem == .removed(after: 2, before: 4))
        #expect(problem?.description.hasPrefix("events were removed between event 2 and event 4") == true)
    }

    @Test func removingTheFirstRowIsNamed() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fiveEvents(fx)
        try tamper(fx, "DELETE FROM events WHERE id = 1")
        #expect(try store.verifyChain().problem == .removed(after: nil, before: 2))
    }

    @Test func removingTheLastRowsIsNamed() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fiveEvents(fx)
        try tamper(fx, "DELETE FROM events WHERE id >= 4")
        #expect(try store.verifyChain().problem == .removedAtEnd(after: 3, lastIssued: 5))
    }

    /// The forger knows the hash scheme: the inserted row links correctly to
    /// its predecessor and carries a correct hash, but its successor still
    /// links to the row before it.
    @Test func anInsertedRowWithACorrectHashIsNamed() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fiveEvents(fx)
        let third = try #require(try store.events(read: 1).first { $0.id == 3 })
        let identity = ReadIdentity(id: 1, reader: "ana", study: "S1", context: .plain)
        let forged = ChainHash.event(read: identity, kind: "paused", appSession: "app-1", monotonicNs: 3_500_000_000,
                                     wallTime: 1_800_000_003.5, finding: nil, value: nil,
                                     prevHash: third.hash).sha256
        try tamper(fx, """
            UPDATE events SET id = id + 100 WHERE id >= 4;
            UPDATE events SET id = id - 99 WHERE id >= 104;
            INSERT INTO events (id, read_id, kind, app_session, monotonic_ns, wall_time, finding, value, prev_hash, hash)
            VALUES (4, 1, 'paused', 'app-1', 3500000000, 1800000003.5, NULL, NULL, '\(third.hash)', '\(forged)');
            """)
        let report = try store.verifyChain()
        #expect(report.problem == .inserted(event: 4))
        #expect(report.eventCount == 6)
    }

    @Test func anInsertedRowWithAMadeUpHashIsNamed() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fiveEvents(fx)
        try tamper(fx, """
            UPDATE events SET id = id + 100 WHERE id >= 3;
            UPDATE events SET id = id - 99 WHERE id >= 103;
            INSERT INTO events (id, read_id, kind, app_session, monotonic_ns, wall_time, prev_hash, hash)
            VALUES (3, 1, 'resumed', 'app-1', 2500000000, 1800000002.5, 'made-up', 'also-made-up');
            """)
        #expect(try store.verifyChain().problem == .inserted(event: 3))
    }

    @Test func anEditedSignedReadIsNamed() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fiveEvents(fx)
        try store.sign(1, decisions: [fractureDecision], confidence: 3, event: event(.signed, 6))
        try tamper(fx, "UPDATE signed_reads SET confidence = 5")
        #expect(try store.verifyChain().problem == .signedReadEdited(read: 1, event: 6))
    }

    @Test func aRemovedSignedReadIsNamed() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fiveEvents(fx)
        try store.sign(2, decisions: [], confidence: nil, event: event(.signed, 6))
        try tamper(fx, "DELETE FROM signed_reads")
        #expect(try store.verifyChain().problem == .signedReadMissing(read: 2, event: 6))
    }

    @Test func aBadValueTypeInARowIsAnEditNotACrash() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fiveEvents(fx)
        try tamper(fx, "UPDATE events SET kind = x'00ff', wall_time = 'soon' WHERE id = 2")
        #expect(try store.verifyChain().problem == .edited(event: 2))
        #expect(throws: LedgerError.undecodable(path: fx.path, table: "events", rowID: 2, column: "kind")) {
            try store.events(read: 1)
        }
    }

    /// The hashed text is a file format: this pins it (and SHA-256 of it, as
    /// computed by Python's hashlib) so a change cannot pass unnoticed.
    @Test func canonicalFormIsStable() {
        let identity = ReadIdentity(id: 7, reader: "ana", study: "S1",
                                    context: ReadContext(experiment: "trial", session: 2, arm: "aided"))
        let form = ChainHash.event(read: identity, kind: "accepted", appSession: "s", monotonicNs: 42,
                                   wallTime: 1.5, finding: "fracture.study", value: nil,
                                   prevHash: ChainHash.genesis)
        #expect(form.text == """
            lightbox-event-v1
            read:1:7
            reader:3:ana
            study:2:S1
            experiment:5:trial
            session:1:2
            arm:5:aided
            pass:1:1
            kind:8:accepted
            app_session:1:s
            monotonic_ns:2:42
            wall_time:16:3ff8000000000000
            finding:14:fracture.study
            value:-
            prev_hash:64:\(ChainHash.genesis)

            """)
        #expect(form.sha256 == CanonicalVectors.eventDigest)
    }
}
