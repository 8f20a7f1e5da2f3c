import Foundation
import GRDB
import Testing
@testable import Ledger

@Suite struct MigrationTests {
    @Test func freshDatabaseRunsEveryNamedMigrationAndReopens() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        _ = try fx.store()
        let applied = try fx.raw().read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
        #expect(applied == LedgerMigrations.identifiers)
        #expect(applied.first == "v1-readers-reads-events")

        let store = try fx.store()  // re-open: nothing re-run, nothing lost
        let read = try store.openRead(reader: "ana", study: "S1", context: .plain)
        let again = try fx.store()
        #expect(try again.read(read.id) == read)
        let count = try fx.raw().read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") }
        #expect(count == LedgerMigrations.identifiers.count)
    }

    @Test func schemaHasEveryTable() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        _ = try fx.store()
        let tables = Set(try fx.raw().read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        })
        for table in ["readers", "reads", "events", "drafts", "signed_reads", "experiments", "assignments", "app_sessions"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
    }

    @Test func journalModeIsWALAndForeignKeysAreOn() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fx.store()
        // journal_mode is a property of the file: a fresh connection sees it.
        #expect(try fx.raw().read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try store.reading { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") } == true)
        #expect(try store.pool.writeWithoutTransaction { db in
            try Bool.fetchOne(db, sql: "PRAGMA foreign_keys")
        } == true)
    }

    @Test func createsMissingParentFolders() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let nested = fx.folder.appendingPathComponent("a/b/ledger.sqlite").path
        _ = try LedgerStore(path: nested)
        #expect(FileManager.default.fileExists(atPath: nested))
    }

    @Test func anotherProgramsDatabaseIsRefused() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        try fx.raw().write { db in try db.execute(sql: "CREATE TABLE photos (id INTEGER PRIMARY KEY)") }
        #expect(throws: LedgerError.notALedger(path: fx.path, reason: "a SQLite database with other tables")) {
            try fx.store()
        }
    }

    @Test func aFileThatIsNotSQLiteIsRefusedWithOneLine() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        try Data("this is a PNG, honest\n".utf8 + [UInt8](repeating: 7, count: 4096)).write(to: URL(fileURLWithPath: fx.path))
        let error = try #require(throws: LedgerError.self) { try fx.store() }
        guard case .notALedger = error else { Issue.record("got \(error)"); return }
        let line = UserMessageLine.of(error)
        #expect(line.hasPrefix(fx.path + ": not a Lightbox ledger"))
        #expect(!line.contains("\n"))
    }

    @Test func aLedgerFromANewerLightboxIsRefused() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        _ = try fx.store()
        try fx.raw().write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')")
        }
        #expect(throws: LedgerError.newerSchema(path: fx.path, unknownMigrations: ["v9-from-the-future"])) {
            try fx.store()
        }
    }

    @Test func defaultPathFollowsXDG() {
        #expect(LedgerStore.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/ana"])
                == "/data/lightbox/ledger.sqlite")
        #expect(LedgerStore.defaultPath(environment: ["HOME": "/home/ana"])
                == "/home/ana/.local/share/lightbox/ledger.sqlite")
        // The XDG spec says relative values are invalid and must be ignored.
        #expect(LedgerStore.defaultPath(environment: ["XDG_DATA_HOME": "rel", "HOME": "/home/ana"])
                == "/home/ana/.local/share/lightbox/ledger.sqlite")
    }
}
