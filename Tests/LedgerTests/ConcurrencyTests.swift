import GRDB
import Common
import Dispatch
import Synchronization
import Testing
@testable import Ledger
import ReaderStudy

/// Several `LedgerStore`s (each its own SQLite connections, as separate
/// processes would have) on one file. The 8-process test of issue 9 will run
/// `lightbox` processes the same way once the reading loop can be driven
/// headless; see Docs/LEDGER.md.
@Suite struct ConcurrencyTests {
    static let writers = 4
    static let perWriter = 40

    @Test func concurrentWritersLoseNothingAndKeepOneChain() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let shared = try fx.store().openRead(reader: "coordinator", study: "SHARED", context: .plain).id
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: Self.writers) { w in
            do {
                let store = try fx.store()
                let own = try store.openRead(reader: "reader-\(w)", study: "S\(w)", context: .plain)
                for i in 0..<Self.perWriter {
                    let e = event(.valueChanged, UInt64(i), finding: "f", value: "\(w)-\(i)", session: "app-\(w)")
                    try store.append(e, to: i.isMultiple(of: 4) ? shared : own.id)
                }
                try store.sign(own.id, decisions: [fractureDecision], confidence: w, event: event(.signed, 99))
            } catch {
                failures.withLock { $0.append(UserMessage.text(for: error)) }
            }
        }
        #expect(failures.withLock { $0 } == [])

        let store = try fx.store()
        let report = try store.verifyChain()
        #expect(report.problem == nil)
        #expect(report.eventCount == Self.writers * (Self.perWriter + 1))
        for w in 0..<Self.writers {
            let own = try #require(try store.reads(reader: "reader-\(w)").first)
            let values = try store.events(read: own.id).compactMap(\.event.value).filter { $0.hasPrefix("\(w)-") }
            let expected = (0..<Self.perWriter).filter { !$0.isMultiple(of: 4) }.map { "\(w)-\($0)" }
            #expect(values == expected, "writer \(w)'s events, in its order")
            #expect(try store.signedReads(reader: "reader-\(w)").map(\.confidence) == [w])
        }
        let sharedValues = try store.events(read: shared).compactMap(\.event.value)
        #expect(sharedValues.count == Self.writers * Self.perWriter / 4)
        #expect(Set(sharedValues).count == sharedValues.count, "no duplicates")
    }

    /// Readers starting at once on a new file all open it; the migrations run once.
    @Test func concurrentFirstOpensMigrateOnce() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: Self.writers) { w in
            do {
                let store = try fx.store()
                _ = try store.openRead(reader: "reader-\(w)", study: "S1", context: .plain)
            } catch {
                failures.withLock { $0.append(UserMessage.text(for: error)) }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let count = try fx.raw().read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") }
        #expect(count == LedgerMigrations.identifiers.count)
        #expect(try fx.raw().read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM reads") } == Self.writers)
    }
}
