import Foundation
import GRDB
import Testing
@testable import Ledger
import ReaderStudy

/// A ledger that cannot be written gives one line naming the file and what is
/// wrong, never a SQLite code or a crash.
@Suite struct BadDatabaseTests {
    @Test func aReadOnlyFileIsRefusedForWritingButVerifies() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        do {
            let store = try fx.store()
            let read = try store.openRead(reader: "ana", study: "S1", context: .plain)
            try store.append(event(.opened, 1), to: read.id)
        }
        #expect(chmod(fx.path, 0o444) == 0)
        let error = try #require(throws: LedgerError.self) { try fx.store() }
        #expect(error == .readOnly(path: fx.path))
        #expect(UserMessageLine.of(error)
                == "\(fx.path): the ledger is read-only (file or folder not writable); reads cannot be recorded")

        let archived = try LedgerStore(path: fx.path, readOnly: true)
        let report = try archived.verifyChain()
        #expect(report.isIntact && report.eventCount == 1)
        #expect(throws: LedgerError.readOnly(path: fx.path)) { try archived.append(event(.idle, 2), to: 1) }
    }

    @Test func aReadOnlyFolderIsRefused() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        #expect(chmod(fx.folder.path, 0o555) == 0)
        #expect(throws: LedgerError.readOnly(path: fx.path)) { try fx.store() }
    }

    @Test func aMissingFileOpenedReadOnlyIsNamed() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        #expect(throws: LedgerError.cannotOpen(path: fx.path, reason: "no such file")) {
            try LedgerStore(path: fx.path, readOnly: true)
        }
        #expect(!FileManager.default.fileExists(atPath: fx.path), "read-only opening creates nothing")
    }

    @Test func aFolderInPlaceOfTheFileIsNamed() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        try FileManager.default.createDirectory(atPath: fx.path, withIntermediateDirectories: true)
        #expect(throws: LedgerError.cannotOpen(path: fx.path, reason: "it is a folder, not a file")) {
            try fx.store()
        }
    }

    @Test func aFolderThatCannotBeMadeIsNamed() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let blocker = fx.folder.appendingPathComponent("file")
        try Data().write(to: blocker)
        let path = blocker.appendingPathComponent("ledger.sqlite").path
        #expect(throws: LedgerError.cannotCreateFolder(path: path, folder: blocker.path)) {
            try LedgerStore(path: path)
        }
    }

    /// Another program holds the write lock for longer than the busy timeout
    /// and its retries: the append fails with `locked` naming the file, and
    /// succeeds once the lock is gone. Reading is never blocked (WAL).
    @Test func aLockedLedgerGivesOneClearLine() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fx.store(busyTimeout: 0.1)
        let read = try store.openRead(reader: "ana", study: "S1", context: .plain)
        try fx.raw().inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            let error = try #require(throws: LedgerError.self) { try store.append(event(.opened, 1), to: read.id) }
            #expect(error == .locked(path: fx.path, waitedSeconds: 0.4))
            #expect(UserMessageLine.of(error)
                    == "\(fx.path): the ledger is locked by another program (waited 0.4 s); try again when it is done")
            #expect(try store.statuses(reader: "ana") == ["S1": .inProgress])
            try db.execute(sql: "ROLLBACK")
        }
        try store.append(event(.opened, 1), to: read.id)
        #expect(try store.events(read: read.id).count == 1)
    }

    /// A program holding the file in exclusive locking mode blocks even
    /// readers: opening fails with `locked`, not with a SQLite code.
    @Test func anExclusivelyLockedLedgerCannotBeOpened() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        _ = try fx.store()
        try fx.raw().inDatabase { db in
            try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE")
            try db.execute(sql: "BEGIN EXCLUSIVE")
            try db.execute(sql: "INSERT INTO readers VALUES ('zed', 0)")
            try db.execute(sql: "COMMIT")
            let error = try #require(throws: LedgerError.self) {
                try LedgerStore(path: fx.path, busyTimeout: 0.1)
            }
            guard case .locked(let path, _) = error else { Issue.record("got \(error)"); return }
            #expect(path == fx.path)
        }
    }
}
