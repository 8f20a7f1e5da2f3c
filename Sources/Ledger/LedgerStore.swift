import Foundation
import GRDB

/// The reading room's record: readers, reads, the append-only hash-chained
/// event log, drafts, signed reads, experiments and assignments, in one SQLite
/// file opened as a GRDB `DatabasePool` in WAL mode (readers never wait for the
/// writer; one writer at a time across every process). Docs/LEDGER.md.
///
/// Every write is an IMMEDIATE transaction: it takes the write lock before it
/// reads the chain's tail, so concurrent appenders (threads or processes)
/// cannot fork the chain. A busy database is waited for (`busyTimeout` per
/// attempt, a few attempts with back-off) so a busy error never reaches a
/// reader unless another program holds the lock for that whole time; then it
/// becomes `LedgerError.locked` naming the file.
public final class LedgerStore: Sendable {
    public let path: String
    public let isReadOnly: Bool
    let pool: DatabasePool
    let busyTimeout: Double
    let wallClock: @Sendable () -> Double

    /// Attempts after the first when SQLite still reports busy after `busyTimeout`.
    static let busyRetries = 3

    /// Opens (creating it and its folders if needed) the ledger at `path` and
    /// brings its schema up to date. `readOnly` opens an existing ledger without
    /// writing anything (for `lightbox verify` on archived evidence).
    /// `busyTimeout` is how long one attempt waits for another writer (seconds).
    /// `wallClock` stamps `opened_at`, `created_at` and draft times.
    public convenience init(path: String, readOnly: Bool = false, busyTimeout: Double = 5,
                            wallClock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) throws {
        try self.init(path: path, readOnly: readOnly, busyTimeout: busyTimeout, wallClock: wallClock, trace: nil)
    }

    /// `trace` receives every SQL statement run (tests check the durability pragmas with it).
    init(path: String, readOnly: Bool, busyTimeout: Double, wallClock: @escaping @Sendable () -> Double,
         trace: (@Sendable (String) -> Void)?) throws {
        self.path = path
        self.isReadOnly = readOnly
        self.busyTimeout = busyTimeout
        self.wallClock = wallClock
        try Self.checkFile(path: path, readOnly: readOnly)

        var config = Configuration()
        config.label = "Lightbox.Ledger"
        config.readonly = readOnly
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        if let trace {
            config.prepareDatabase { db in db.trace { trace($0.expandedDescription) } }
        }
        pool = try Self.retrying(path: path, busyTimeout: busyTimeout) {
            try DatabasePool(path: path, configuration: config)
        }
        try migrate()
    }

    /// `$XDG_DATA_HOME/lightbox/ledger.sqlite` when XDG_DATA_HOME is an absolute
    /// path (the XDG spec says to ignore relative ones), else
    /// `$HOME/.local/share/lightbox/ledger.sqlite`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return (xdg as NSString).appendingPathComponent("lightbox/ledger.sqlite")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.path
        return (home as NSString).appendingPathComponent(".local/share/lightbox/ledger.sqlite")
    }

    // MARK: - Access with retry and one error type

    func writing<T>(_ body: (Database) throws -> T) throws -> T {
        try retrying { try pool.write(body) }
    }

    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        try retrying { try pool.read(body) }
    }

    func retrying<T>(_ body: () throws -> T) throws -> T {
        try Self.retrying(path: path, busyTimeout: busyTimeout, body)
    }

    static func retrying<T>(path: String, busyTimeout: Double, _ body: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            do {
                return try body()
            } catch let error as DatabaseError
                where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED)
                && attempt < busyRetries {
                // The busy handler has already waited busyTimeout; these retries
                // cover the cases where SQLite returns busy without calling it
                // (WAL recovery after a crash, the last connection closing).
                attempt += 1
                usleep(useconds_t(50_000 * attempt))
            } catch {
                throw LedgerStore.translate(error, path: path,
                                            waited: busyTimeout * Double(attempt + 1))
            }
        }
    }

    static func translate(_ error: any Error, path: String, waited: Double) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        let reason = error.message ?? "result code \(error.extendedResultCode.rawValue)"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return LedgerError.locked(path: path, waitedSeconds: waited)
        case .SQLITE_READONLY: return LedgerError.readOnly(path: path)
        case .SQLITE_CANTOPEN: return LedgerError.cannotOpen(path: path, reason: "SQLite cannot open the file (\(reason))")
        case .SQLITE_NOTADB: return LedgerError.notALedger(path: path, reason: "the file is not a SQLite database")
        case .SQLITE_CORRUPT: return LedgerError.corrupt(path: path, reason: reason)
        case .SQLITE_FULL: return LedgerError.diskFull(path: path)
        case .SQLITE_IOERR: return LedgerError.io(path: path, reason: reason)
        case .SQLITE_CONSTRAINT: return LedgerError.refused(path: path, reason: reason)
        default: return LedgerError.database(path: path, reason: reason)
        }
    }
}
