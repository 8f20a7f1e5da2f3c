import GRDB
import Testing
@testable import Ledger

/// `app_sessions` (migration v5-app-sessions): which OS account started each
/// reading screen, append-only like the events.
@Suite struct AppSessionTests {
    private func storeWithExperiment(_ fx: LedgerFixture) throws -> LedgerStore {
        let store = try fx.store()
        try store.createExperiment(name: "trial", design: "{}", assignments: [
            AssignmentRow(reader: "amy", study: "S1", session: 1, arm: "aided", order: 1),
        ])
        return store
    }

    @Test func sessionsAreStoredWithTheirAccountAndReadBackInOrder() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try storeWithExperiment(fx)
        let first = try store.recordAppSession("A-1", reader: "amy", osAccount: "alice", experiment: "trial", session: 1)
        try store.recordAppSession("A-2", reader: "tina", osAccount: "tina")
        #expect(first == AppSessionRecord(appSession: "A-1", reader: "amy", osAccount: "alice", experiment: "trial",
                                          session: 1, startedWallTime: 1_800_000_000))
        let reopened = try fx.store()
        #expect(try reopened.appSessions().map(\.appSession) == ["A-1", "A-2"])
        #expect(try reopened.appSessions(reader: "tina")
                == [AppSessionRecord(appSession: "A-2", reader: "tina", osAccount: "tina", startedWallTime: 1_800_000_000)])
    }

    @Test func updateAndDeleteFail() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try storeWithExperiment(fx)
        try store.recordAppSession("A-1", reader: "amy", osAccount: "alice", experiment: "trial", session: 1)
        #expect(try fx.refused("UPDATE app_sessions SET os_account = 'bob'") == "app sessions are append-only: UPDATE refused")
        #expect(try fx.refused("DELETE FROM app_sessions") == "app sessions are append-only: DELETE refused")
        #expect(try store.appSessions().map(\.osAccount) == ["alice"])
    }

    @Test func anAppSessionIsRecordedOnce() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fx.store()
        try store.recordAppSession("A-1", reader: "amy", osAccount: "amy")
        #expect(throws: LedgerError.self) { try store.recordAppSession("A-1", reader: "amy", osAccount: "mallory") }
        #expect(try store.appSessions().map(\.osAccount) == ["amy"])
    }

    @Test func badRowsAreRefusedBeforeAnythingIsWritten() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try storeWithExperiment(fx)
        #expect(throws: LedgerError.unknownExperiment(path: fx.path, name: "nope")) {
            try store.recordAppSession("A-1", reader: "amy", osAccount: "amy", experiment: "nope", session: 1)
        }
        #expect(throws: LedgerError.self) { try store.recordAppSession("A-2", reader: "amy", osAccount: "") }
        #expect(throws: LedgerError.self) { try store.recordAppSession("A-3", reader: "amy", osAccount: "amy", experiment: "trial") }
        #expect(throws: LedgerError.self) {
            try store.recordAppSession("A-4", reader: "amy", osAccount: "amy", experiment: "trial", session: 0)
        }
        #expect(try store.appSessions().isEmpty)
        // The table's own checks hold for other programs too.
        #expect(try fx.refused("INSERT INTO app_sessions VALUES ('X', 'amy', 'amy', 'trial', NULL, 1)") != nil)
    }

    @Test func appSessionsMigrationComesAfterTheReleasedOnes() {
        let ids = LedgerMigrations.identifiers
        #expect(ids.last == "v5-app-sessions")
        #expect(Array(ids.prefix(3)) == ["v1-readers-reads-events", "v2-drafts-signed-reads", "v3-experiments-assignments"])
    }
}
