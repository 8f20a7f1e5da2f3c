import Foundation
import GRDB

extension LedgerStore {
    /// Refuses early what SQLite would report obscurely: a missing file in
    /// read-only mode, a folder that cannot be made, and a file or folder with
    /// no write permission bits. The last is checked on the mode bits, not with
    /// access(2), so that a ledger archived with `chmod a-w` stays read-only
    /// even for root (who bypasses permissions).
    static func checkFile(path: String, readOnly: Bool) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: path, isDirectory: &isDir)
        if exists && isDir.boolValue {
            throw LedgerError.cannotOpen(path: path, reason: "it is a folder, not a file")
        }
        if readOnly {
            if !exists { throw LedgerError.cannotOpen(path: path, reason: "no such file") }
            return
        }
        let folder = (path as NSString).deletingLastPathComponent
        var folderIsDir: ObjCBool = false
        if !folder.isEmpty && fm.fileExists(atPath: folder, isDirectory: &folderIsDir) && !folderIsDir.boolValue {
            throw LedgerError.cannotCreateFolder(path: path, folder: folder)
        }
        if !folder.isEmpty && !fm.fileExists(atPath: folder) {
            do {
                try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw LedgerError.cannotCreateFolder(path: path, folder: folder)
            }
        }
        if exists && !hasWriteBits(path) { throw LedgerError.readOnly(path: path) }
        if !folder.isEmpty && !hasWriteBits(folder) { throw LedgerError.readOnly(path: path) }
    }

    private static func hasWriteBits(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return true }  // let SQLite report what is wrong
        return info.st_mode & 0o222 != 0
    }

    /// Brings the schema up to date, or (read-only) checks that it is.
    /// Several processes may open a new file at once; GRDB's migrator reads the
    /// applied list before taking the write lock, so a loser of that race fails
    /// on "table already exists" and rolls back. It then retries and finds the
    /// winner's migrations applied.
    func migrate() throws {
        let migrator = LedgerMigrations.migrator
        for attempt in 0... {
            do {
                let state = try reading { db in try schemaState(db, migrator: migrator) }
                switch state {
                case .current: return
                case .foreign: throw LedgerError.notALedger(path: path, reason: "a SQLite database with other tables")
                case .newer(let unknown): throw LedgerError.newerSchema(path: path, unknownMigrations: unknown)
                case .needsMigration where isReadOnly:
                    throw LedgerError.notALedger(
                        path: path, reason: "its schema is older or incomplete; open it once with lightbox to upgrade")
                case .needsMigration:
                    try retrying { try migrator.migrate(pool) }
                    return
                }
            } catch let error as LedgerError where attempt < 5 {
                if case .refused = error { continue }
                if case .database = error { continue }
                throw error
            }
        }
    }

    enum SchemaState { case current, needsMigration, foreign, newer([String]) }

    private func schemaState(_ db: Database, migrator: DatabaseMigrator) throws -> SchemaState {
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
            """)
        if !tables.contains("grdb_migrations") {
            return tables.isEmpty ? .needsMigration : .foreign
        }
        let applied = try migrator.appliedIdentifiers(db)
        let unknown = applied.subtracting(LedgerMigrations.identifiers).sorted()
        if !unknown.isEmpty { return .newer(unknown) }
        return applied.count == LedgerMigrations.identifiers.count ? .current : .needsMigration
    }
}
