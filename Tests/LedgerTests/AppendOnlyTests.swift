import GRDB
import Testing
@testable import Ledger
import ReaderStudy

/// The triggers hold against any program with the file, not only against Lightbox.
@Suite struct AppendOnlyTests {
    private func signedLedger(_ fx: LedgerFixture) throws -> LedgerStore {
        let store = try fx.store()
        let read = try store.openRead(reader: "ana", study: "S1", context: .plain)
        try store.append(event(.opened, 1), to: read.id)
        try store.sign(read.id, decisions: [fractureDecision], confidence: 4, event: event(.signed, 2))
        return store
    }

    @Test func updateAndDeleteOnEventsFail() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        _ = try signedLedger(fx)
        #expect(try fx.refused("UPDATE events SET value = 'x'") == "events are append-only: UPDATE refused")
        #expect(try fx.refused("DELETE FROM events") == "events are append-only: DELETE refused")
        #expect(try fx.raw().read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM events") } == 2)
    }

    @Test func updateAndDeleteOnSignedReadsFail() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        _ = try signedLedger(fx)
        #expect(try fx.refused("UPDATE signed_reads SET confidence = 1") == "signed reads are final: UPDATE refused")
        #expect(try fx.refused("DELETE FROM signed_reads") == "signed reads are final: DELETE refused")
    }

    @Test func readsKeepTheirIdentityAndASignedReadStaysSigned() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        _ = try signedLedger(fx)
        #expect(try fx.refused("UPDATE reads SET reader = 'bob'") != nil)
        #expect(try fx.refused("UPDATE reads SET status = 'inProgress'") == "reads: a signed read is final")
        #expect(try fx.refused("DELETE FROM reads") == "reads: rows cannot be deleted")
    }

    @Test func experimentsAndAssignmentsAreFixed() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fx.store()
        try store.createExperiment(name: "x", design: "{}", assignments: [
            AssignmentRow(reader: "ana", study: "S1", session: 1, arm: "aided", order: 1),
        ])
        #expect(try fx.refused("UPDATE assignments SET arm = 'unaided'") != nil)
        #expect(try fx.refused("DELETE FROM assignments") != nil)
        #expect(try fx.refused("UPDATE experiments SET design = '{\"seed\": 2}'") != nil)
        #expect(try fx.refused("DELETE FROM experiments") != nil)
        #expect(try store.assignments(experiment: "x").map(\.arm) == ["aided"])
    }

    @Test func foreignKeysRefuseEventsOfNoRead() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fx.store()
        #expect(throws: LedgerError.unknownRead(path: fx.path, read: 42)) {
            try store.append(event(.opened, 1), to: 42)
        }
        // Below the API too: the schema itself refuses an orphan event.
        #expect(throws: (any Error).self) {
            try store.writing { db in
                try db.execute(sql: """
                    INSERT INTO events (read_id, kind, app_session, monotonic_ns, wall_time, prev_hash, hash)
                    VALUES (42, 'opened', 'a', 1, 1.0, 'p', 'h')
                    """)
            }
        }
    }
}
