import Foundation
import GRDB
@testable import Ledger
import ReaderStudy

/// A ledger in a fresh temporary folder, removed by `cleanUp()`.
struct LedgerFixture {
    let folder: URL
    var path: String { folder.appendingPathComponent("ledger.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("lightbox-ledger-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func store(busyTimeout: Double = 5) throws -> LedgerStore {
        try LedgerStore(path: path, busyTimeout: busyTimeout, wallClock: { 1_800_000_000 })
    }

    /// A plain SQLite connection to the same file, as another program (or an
    /// attacker with the sqlite3 shell) would have.
    func raw() throws -> DatabaseQueue {
        var config = Configuration()
        config.busyMode = .timeout(5)
        return try DatabaseQueue(path: path, configuration: config)
    }

    /// The database's refusal of `sql` run on a raw connection (a trigger's
    /// message, say), or nil when it was accepted.
    func refused(_ sql: String) throws -> String? {
        do {
            try raw().write { db in try db.execute(sql: sql) }
            return nil
        } catch let error as DatabaseError {
            return error.message
        }
    }

    func cleanUp() {
        chmodTree(folder.path)
        try? FileManager.default.removeItem(at: folder)
    }

    /// Tests make files read-only; give the write bits back so they can be removed.
    private func chmodTree(_ path: String) {
        chmod(path, 0o755)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            chmod(path + "/" + name, 0o644)
        }
    }
}

/// Events with distinct, increasing clocks.
func event(_ kind: EventKind, _ n: UInt64, finding: String? = nil, value: String? = nil,
           session: String = "app-1") -> ReadEvent {
    ReadEvent(kind: kind, appSession: session, monotonicNanos: 1_000_000_000 * n,
              wallTime: 1_800_000_000 + Double(n) + 0.25, finding: finding, value: value)
}

let fractureDecision = FindingDecision(finding: "fracture.study", aiValue: "0.82", readerValue: "abnormal",
                                       state: .accepted)
let boneAgeDecision = FindingDecision(finding: "boneAge.months", aiValue: "131", readerValue: "140",
                                      state: .overridden, reason: "ulna/radius")
