import Foundation
import Testing
@testable import ReaderStudy

@Suite struct SessionGateTests {
    let design = StudyFixtures.crossover(readers: 2, cases: 6)
    let start = Date(timeIntervalSince1970: 1_780_000_000)

    private func gate() throws -> SessionGate {
        SessionGate(design: design, table: try AssignmentTable.generate(for: design))
    }

    /// Signs the whole session, one case a minute from `from`.
    private func signAll(_ gate: SessionGate, reader: String, session: Int, from: Date) -> [CaseCompletion] {
        gate.table.rows(reader: reader, session: session).enumerated().map { index, row in
            CaseCompletion(reader: reader, caseID: row.caseID, session: session,
                           signedAt: from.addingTimeInterval(Double(index) * 60))
        }
    }

    @Test func firstSessionOpenSecondWaits() throws {
        let gate = try gate()
        let clock = ManualClock(start)
        #expect(try gate.status(reader: "r1", session: 1, completions: [], clock: clock) == .open(remaining: 6))
        #expect(try gate.status(reader: "r1", session: 2, completions: [], clock: clock) == .waitingForSession(1, remaining: 6))
    }

    @Test func washoutCountsFromTheLastSignedReadOfThePreviousSession() throws {
        let gate = try gate()
        let clock = ManualClock(start)
        let done = signAll(gate, reader: "r1", session: 1, from: start)
        let lastSign = start.addingTimeInterval(5 * 60)
        let opens = lastSign.addingTimeInterval(28 * 86_400)
        clock.set(lastSign.addingTimeInterval(60))
        #expect(try gate.status(reader: "r1", session: 1, completions: done, clock: clock) == .complete)
        #expect(try gate.status(reader: "r1", session: 2, completions: done, clock: clock) == .washout(opensAt: opens))
        clock.set(opens.addingTimeInterval(-1))
        #expect(try gate.status(reader: "r1", session: 2, completions: done, clock: clock) == .washout(opensAt: opens))
        clock.set(opens)
        #expect(try gate.status(reader: "r1", session: 2, completions: done, clock: clock) == .open(remaining: 6))
    }

    @Test func washoutIsPerReader() throws {
        let gate = try gate()
        let clock = ManualClock(start)
        let r1 = signAll(gate, reader: "r1", session: 1, from: start)
        let r2 = signAll(gate, reader: "r2", session: 1, from: start.addingTimeInterval(10 * 86_400))
        clock.advance(days: 29)
        #expect(try gate.status(reader: "r1", session: 2, completions: r1 + r2, clock: clock).isOpen)
        let r2Opens = start.addingTimeInterval(10 * 86_400 + 5 * 60 + 28 * 86_400)
        #expect(try gate.status(reader: "r2", session: 2, completions: r1 + r2, clock: clock) == .washout(opensAt: r2Opens))
    }

    @Test func oneUnsignedCaseKeepsTheNextSessionShut() throws {
        let gate = try gate()
        let clock = ManualClock(start)
        let done = Array(signAll(gate, reader: "r1", session: 1, from: start).dropLast())
        clock.advance(days: 100)
        #expect(try gate.status(reader: "r1", session: 2, completions: done, clock: clock) == .waitingForSession(1, remaining: 1))
        let current = try #require(try gate.currentSession(reader: "r1", completions: done, clock: clock))
        #expect(current.session == 1)
        #expect(current.status == .open(remaining: 1))
        #expect(gate.remaining(reader: "r1", session: 1, completions: done).count == 1)
    }

    @Test func zeroWashoutOpensAtOnceAndFinishedReaderHasNoSession() throws {
        var d = design
        d.washoutDays = 0
        let gate = SessionGate(design: d, table: try AssignmentTable.generate(for: d))
        let clock = ManualClock(start)
        let s1 = signAll(gate, reader: "r2", session: 1, from: start)
        clock.advance(seconds: 3600)
        #expect(try gate.currentSession(reader: "r2", completions: s1, clock: clock)?.status == .open(remaining: 6))
        let s2 = signAll(gate, reader: "r2", session: 2, from: start.addingTimeInterval(7200))
        #expect(try gate.currentSession(reader: "r2", completions: s1 + s2, clock: clock) == nil)
    }

    @Test func progressListsEverySessionAndIgnoresStrangers() throws {
        let gate = try gate()
        let clock = ManualClock(start)
        var done = signAll(gate, reader: "r1", session: 1, from: start)
        done.append(CaseCompletion(reader: "r1", caseID: "not-assigned", session: 1, signedAt: start))
        done.append(done[0])  // a duplicate counts once
        let lines = try gate.progress(reader: "r1", completions: done, clock: clock)
        #expect(lines.map(\.session) == [1, 2])
        #expect(lines[0].signed == 6 && lines[0].assigned == 6)
        #expect(lines[0].lastSignedAt == start.addingTimeInterval(300))
    }

    @Test func unknownReaderAndSessionThrow() throws {
        let gate = try gate()
        let clock = ManualClock(start)
        #expect(throws: ReaderStudyError.unknownReader("zz")) {
            try gate.status(reader: "zz", session: 1, completions: [], clock: clock)
        }
        #expect(throws: ReaderStudyError.unknownSession(reader: "r1", session: 3)) {
            try gate.status(reader: "r1", session: 3, completions: [], clock: clock)
        }
    }
}

@Suite struct SessionGateOpenTests {
    let design = StudyFixtures.crossover(readers: 2, cases: 4)
    let start = Date(timeIntervalSince1970: 1_768_035_600)  // 2026-01-10 09:00 UTC

    @Test func opensTheCurrentSessionInOrderOrRefusesWithTheDate() throws {
        let table = try AssignmentTable.generate(for: design)
        let gate = SessionGate(design: design, table: table)
        let clock = ManualClock(start)
        let first = try gate.openSession(reader: "r1", completions: [], clock: clock)
        #expect(first.session == 1 && first.remaining == table.rows(reader: "r1", session: 1) && first.assigned == 4)

        var done = [CaseCompletion(reader: "r1", caseID: first.remaining[0].caseID, session: 1, signedAt: start)]
        let resumed = try gate.openSession(reader: "r1", completions: done, clock: clock)
        #expect(resumed.remaining == Array(first.remaining.dropFirst()))

        done = first.remaining.map { CaseCompletion(reader: "r1", caseID: $0.caseID, session: 1, signedAt: start) }
        do {
            _ = try gate.openSession(reader: "r1", completions: done, clock: clock)
            Issue.record("session 2 opened during the washout")
        } catch {
            #expect(error.coordinates == "reader r1, session 2")
            #expect(error.problem == "opens 2026-02-07 09:00 UTC after a 28-day washout")
        }
        clock.advance(days: 28)
        let second = try gate.openSession(reader: "r1", completions: done, clock: clock)
        #expect(second.session == 2 && second.remaining.count == 4)
        done += second.remaining.map { CaseCompletion(reader: "r1", caseID: $0.caseID, session: 2, signedAt: clock.now) }
        #expect(throws: ReaderStudyError.self) { try gate.openSession(reader: "r1", completions: done, clock: clock) }
    }
}
