import GRDB
import Synchronization
import Testing
@testable import Ledger
import ReaderStudy

@Suite struct ReadLifecycleTests {
    @Test func openReadResumesTheSameReadWithItsDraft() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fx.store()
        let read = try store.openRead(reader: "ana", study: "S1", context: .plain)
        #expect(read.status == .inProgress)
        #expect(try store.draft(for: read.id).decisions.isEmpty)
        try store.append(event(.opened, 1), to: read.id)
        try store.saveDraft([fractureDecision], confidence: 3, for: read.id)
        try store.saveDraft([fractureDecision, boneAgeDecision], confidence: 4, for: read.id)

        // As after a quit or crash: a new store on the same file.
        let resumed = try fx.store().openRead(reader: "ana", study: "S1", context: .plain)
        #expect(resumed == read)
        let draft = try fx.store().draft(for: resumed.id)
        #expect(draft.decisions == [fractureDecision, boneAgeDecision])
        #expect(draft.confidence == 4)
        #expect(try store.events(read: read.id).map(\.event) == [event(.opened, 1)])
    }

    @Test func eachContextIsItsOwnRead() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fx.store()
        try store.createExperiment(name: "trial", design: "{}", assignments: [])
        let plain = try store.openRead(reader: "ana", study: "S1", context: .plain)
        let first = try store.openRead(reader: "ana", study: "S1",
                                       context: ReadContext(experiment: "trial", session: 1, arm: "sequential"))
        let second = try store.openRead(reader: "ana", study: "S1",
                                        context: ReadContext(experiment: "trial", session: 1, arm: "sequential", pass: 2))
        let bob = try store.openRead(reader: "bob", study: "S1", context: .plain)
        #expect(Set([plain.id, first.id, second.id, bob.id]).count == 4)
        #expect(second.context.pass == 2)
        #expect(try store.openRead(reader: "ana", study: "S1",
                                   context: ReadContext(experiment: "trial", session: 1, arm: "sequential")) == first)
    }

    @Test func badContextsAreRefused() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fx.store()
        #expect(throws: LedgerError.unknownExperiment(path: fx.path, name: "nope")) {
            try store.openRead(reader: "ana", study: "S1", context: ReadContext(experiment: "nope", session: 1))
        }
        #expect(throws: LedgerError.self) {
            try store.openRead(reader: "ana", study: "S1", context: ReadContext(pass: 3))
        }
        #expect(throws: LedgerError.self) { try store.openRead(reader: "", study: "S1", context: .plain) }
        #expect(throws: LedgerError.self) {
            try store.openRead(reader: "ana", study: "S1", context: ReadContext(session: 1))
        }
    }

    @Test func signWritesEventSignedReadAndStatusTogether() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fx.store()
        let read = try store.openRead(reader: "ana", study: "S1", context: .plain)
        try store.append(event(.opened, 1), to: read.id)
        try store.append(event(.accepted, 2, finding: "fracture.study"), to: read.id)
        try store.saveDraft([fractureDecision], confidence: 4, for: read.id)
        try store.sign(read.id, decisions: [fractureDecision, boneAgeDecision], confidence: 5, event: event(.signed, 3))

        let signed = try #require(try store.signedReads(reader: "ana").first)
        #expect(signed.readID == read.id)
        #expect(signed.decisions == [fractureDecision, boneAgeDecision])
        #expect(signed.confidence == 5)
        #expect(signed.signedWallTime == event(.signed, 3).wallTime)
        let events = try store.events(read: read.id)
        #expect(events.map(\.event.kind) == [.opened, .accepted, .signed])
        #expect(events.last?.id == signed.eventID)
        #expect(events.last?.event.value == signed.digest)
        #expect(try store.read(read.id).status == .signed)
        #expect(try store.draft(for: read.id).decisions.isEmpty, "the draft is dropped at signing")
        #expect(try store.signedReads(reader: "bob").isEmpty)
        #expect(try store.signedReads(reader: nil).count == 1)
    }

    @Test func signingTwiceIsRefusedAndChangesNothing() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fx.store()
        let read = try store.openRead(reader: "ana", study: "S1", context: .plain)
        try store.sign(read.id, decisions: [fractureDecision], confidence: 4, event: event(.signed, 1))
        let error = try #require(throws: LedgerError.self) {
            try store.sign(read.id, decisions: [boneAgeDecision], confidence: 1, event: event(.signed, 2))
        }
        #expect(error == .alreadySigned(path: fx.path, read: read.id))
        #expect(UserMessageLine.of(error) == "\(fx.path): read \(read.id): already signed; a signed read cannot be signed again")
        #expect(try store.signedReads(reader: nil).map(\.decisions) == [[fractureDecision]])
        #expect(try store.events(read: read.id).count == 1)
        // After signing, decisions cannot move; leaving the screen still can be recorded.
        #expect(throws: LedgerError.readIsSigned(path: fx.path, read: read.id, refused: "overridden events")) {
            try store.append(event(.overridden, 3, finding: "fracture.study"), to: read.id)
        }
        #expect(throws: LedgerError.self) { try store.saveDraft([], confidence: nil, for: read.id) }
        try store.append(event(.closed, 4), to: read.id)
        // Re-opening a signed read returns it as signed (the screen shows it final).
        #expect(try store.openRead(reader: "ana", study: "S1", context: .plain).status == .signed)
    }

    @Test func signedEventsComeOnlyThroughSign() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fx.store()
        let read = try store.openRead(reader: "ana", study: "S1", context: .plain)
        #expect(throws: LedgerError.self) { try store.append(event(.signed, 1), to: read.id) }
        #expect(throws: LedgerError.self) {
            try store.sign(read.id, decisions: [], confidence: nil, event: event(.accepted, 1))
        }
        #expect(try store.events(read: read.id).isEmpty)
    }

    /// A failure half-way through signing (here: a trigger planted by the test
    /// refuses the signed_reads insert) must leave no `signed` event, no status
    /// change and the draft intact.
    @Test func signIsAtomic() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fx.store()
        let read = try store.openRead(reader: "ana", study: "S1", context: .plain)
        try store.append(event(.opened, 1), to: read.id)
        try store.saveDraft([fractureDecision], confidence: 2, for: read.id)
        try fx.raw().write { db in
            try db.execute(sql: """
                CREATE TRIGGER test_fail_signing BEFORE INSERT ON signed_reads
                BEGIN SELECT RAISE(ABORT, 'planted failure'); END
                """)
        }
        #expect(throws: LedgerError.refused(path: fx.path, reason: "planted failure")) {
            try store.sign(read.id, decisions: [fractureDecision], confidence: 2, event: event(.signed, 2))
        }
        #expect(try store.events(read: read.id).map(\.event.kind) == [.opened])
        #expect(try store.read(read.id).status == .inProgress)
        #expect(try store.draft(for: read.id).confidence == 2)
        #expect(try store.verifyChain().isIntact)

        try fx.raw().write { db in try db.execute(sql: "DROP TRIGGER test_fail_signing") }
        try store.sign(read.id, decisions: [fractureDecision], confidence: 2, event: event(.signed, 3))
        #expect(try store.read(read.id).status == .signed)
    }

    /// The signing transaction commits with synchronous = FULL (WAL fsynced at
    /// commit) and the connection returns to NORMAL for ordinary events.
    @Test func signCommitsWithSynchronousFull() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let log = Mutex<[String]>([])
        let store = try LedgerStore(path: fx.path, readOnly: false, busyTimeout: 5, wallClock: { 0 },
                                    trace: { sql in log.withLock { $0.append(sql) } })
        let read = try store.openRead(reader: "ana", study: "S1", context: .plain)
        try store.append(event(.opened, 1), to: read.id)
        log.withLock { $0.removeAll() }
        try store.sign(read.id, decisions: [fractureDecision], confidence: nil, event: event(.signed, 2))
        let statements = log.withLock { $0 }
        let full = try #require(statements.firstIndex(of: "PRAGMA synchronous = FULL"))
        let insert = try #require(statements.firstIndex { $0.hasPrefix("INSERT INTO signed_reads") })
        let commit = try #require(statements.lastIndex(of: "COMMIT TRANSACTION"))
        let normal = try #require(statements.lastIndex(of: "PRAGMA synchronous = NORMAL"))
        #expect(full < insert && insert < commit && commit < normal)
        #expect(try store.pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 1)
    }

    @Test func statusesCoverThePlainQueueAndExperimentSessions() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fx.store()
        try store.createExperiment(name: "trial", design: "{}", assignments: [])
        let s1 = try store.openRead(reader: "ana", study: "S1", context: .plain)
        _ = try store.openRead(reader: "ana", study: "S2", context: .plain)
        try store.sign(s1.id, decisions: [], confidence: nil, event: event(.signed, 1))
        _ = try store.openRead(reader: "bob", study: "S3", context: .plain)
        let inTrial = ReadContext(experiment: "trial", session: 1, arm: "sequential")
        let pass1 = try store.openRead(reader: "ana", study: "S4", context: inTrial)
        try store.sign(pass1.id, decisions: [], confidence: nil, event: event(.signed, 2))
        var pass2Context = inTrial; pass2Context.pass = 2
        _ = try store.openRead(reader: "ana", study: "S4", context: pass2Context)

        #expect(try store.statuses(reader: "ana") == ["S1": .signed, "S2": .inProgress])
        #expect(try store.statuses(reader: "bob") == ["S3": .inProgress])
        #expect(try store.statuses(reader: "cy").isEmpty)
        #expect(try store.statuses(reader: "ana", experiment: "trial", session: 1) == ["S4": .inProgress])
        #expect(try store.statuses(reader: "ana", experiment: "trial", session: 2).isEmpty)
    }

    @Test func eventsRoundTripEveryField() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fx.store()
        let read = try store.openRead(reader: "ana", study: "S1", context: .plain)
        let odd = ReadEvent(kind: .valueChanged, appSession: "é-session", monotonicNanos: UInt64.max - 3,
                            wallTime: -0.0, finding: "spine.L4-L5.canalStenosis", value: "line 1\nline 2 ✓")
        let id = try store.append(odd, to: read.id)
        let stored = try #require(try store.events(read: read.id).first)
        #expect(stored.id == id)
        #expect(stored.event.monotonicNanos == odd.monotonicNanos)
        #expect(stored.event.value == odd.value)
        #expect(stored.event.appSession == odd.appSession)
        #expect(try store.verifyChain().isIntact)
        #expect(throws: LedgerError.self) {
            try store.append(ReadEvent(kind: .idle, appSession: "a", monotonicNanos: 1, wallTime: .nan), to: read.id)
        }
    }
}
