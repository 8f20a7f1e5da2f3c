import Common
import Foundation
import Testing
@testable import ReaderStudy

/// `lightbox audit`'s page from a hand-made record: every anomaly kind is
/// found where it was planted, and nowhere else.
@Suite struct ExperimentAuditTests {
    static let day = 86_400.0
    static let design = ExperimentDesign(name: "xo", readers: ["ann", "ben"], arms: [.unaided, .aided], design: .crossover,
                                         washoutDays: 28, seed: 7, caseIDs: ["C1", "C2"])

    func ev(_ kind: EventKind, _ second: Double, app: String = "a1", at wall: Double) -> ReadEvent {
        ReadEvent(kind: kind, appSession: app, monotonicNanos: UInt64(second * 1e9), wallTime: wall + second, finding: nil, value: nil)
    }

    /// A clean read of `caseID` in `session`, started at `wall`.
    func read(_ table: AssignmentTable, reader: String, caseID: String, session: Int, wall: Double,
              events: [ReadEvent]? = nil, decisions: [FindingDecision]? = nil) -> ExperimentAudit.Read {
        let arm = table.rows(reader: reader, session: session).first { $0.caseID == caseID }!.arm.rawValue
        let e = events ?? [ev(.opened, 0, at: wall), ev(.accepted, 10, at: wall), ev(.signed, 20, at: wall)]
        return .init(reader: reader, caseID: caseID, session: session, arm: arm, pass: 1, events: e,
                     signed: decisions ?? [FindingDecision(finding: "fracture.study", aiValue: nil, readerValue: "normal", state: .overridden)],
                     signedWallTime: e.last!.wallTime)
    }

    /// The final sign of each signed read (these designs read each case once).
    func completions(_ reads: [ExperimentAudit.Read]) -> [CaseCompletion] {
        reads.compactMap { r in
            r.signedWallTime.map { CaseCompletion(reader: r.reader, caseID: r.caseID, session: r.session, signedAt: Date(timeIntervalSince1970: $0)) }
        }
    }

    @Test func cleanRecordHasNoAnomaliesAndEverySection() throws {
        let table = try AssignmentTable.generate(for: Self.design)
        var reads: [ExperimentAudit.Read] = []
        for reader in ["ann", "ben"] {
            for c in ["C1", "C2"] {
                reads.append(read(table, reader: reader, caseID: c, session: 1, wall: 1_000_000))
                reads.append(read(table, reader: reader, caseID: c, session: 2, wall: 1_000_000 + 30 * Self.day))
            }
        }
        let audit = ExperimentAudit(design: Self.design, storedDesign: "{\"name\":\"xo\"}", table: table, reads: reads, completions: completions(reads), models: [],
                                    chain: .init(intact: true, events: 24, signedReads: 8, head: "ab", problem: nil),
                                    accounts: [("ann", 1, "alice")], generatedAt: 0)
        #expect(audit.anomalies.isEmpty, "\(audit.anomalies)")
        #expect(audit.design.sha256 == SHA256.hash("{\"name\":\"xo\"}"))
        #expect(audit.randomisation.sha256 == SHA256.hash(ExperimentAudit.canonicalText(table.rows)))
        #expect(audit.randomisation.seed == 7 && audit.randomisation.assignments == table.rows.count)
        let ann2 = try #require(audit.sessions.first { $0.reader == "ann" && $0.session == 2 })
        #expect(ann2.signed == 2 && ann2.assigned == 2)
        #expect(abs((ann2.washoutDays ?? 0) - (30 - 20 / Self.day)) < 1e-6)
        #expect(audit.sessions.first { $0.reader == "ann" && $0.session == 1 }?.accounts == ["alice"])
        for title in ["Design", "Randomisation", "Sessions", "Models", "Event chain", "Anomalies"] {
            #expect(audit.text.contains("\n\(title)\n"), "section \(title)")
        }
        let back = try JSONDecoder().decode(ExperimentAudit.self, from: Data(try audit.json().utf8))
        #expect(back == audit)
    }

    @Test func everyPlantedAnomalyIsReported() throws {
        let table = try AssignmentTable.generate(for: Self.design)
        let w = 1_000_000.0
        let crash = [ev(.opened, 0, at: w), ev(.accepted, 5, at: w), ev(.opened, 1, app: "a2", at: w + 100), ev(.signed, 9, app: "a2", at: w + 100)]
        let paused = [ev(.opened, 0, at: w), ev(.paused, 5, at: w), ev(.resumed, 65, at: w), ev(.signed, 70, at: w)]
        let idle = [ev(.opened, 0, at: w), ev(.accepted, 200, at: w), ev(.signed, 210, at: w)]
        let pending = [FindingDecision(finding: "fracture.study", aiValue: nil)]
        var reads = [
            read(table, reader: "ann", caseID: "C1", session: 1, wall: w, events: crash),
            read(table, reader: "ann", caseID: "C2", session: 1, wall: w, events: paused),
            read(table, reader: "ben", caseID: "C1", session: 1, wall: w, events: idle),
            read(table, reader: "ben", caseID: "C2", session: 1, wall: w, decisions: pending),
            // ann's session 2 only ten days later
            read(table, reader: "ann", caseID: "C1", session: 2, wall: w + 10 * Self.day),
        ]
        var stray = read(table, reader: "ben", caseID: "C1", session: 2, wall: w + 40 * Self.day)
        stray.arm = table.rows(reader: "ben", session: 1).first { $0.caseID == "C1" }!.arm.rawValue  // the wrong arm for session 2
        stray.signed = nil
        reads.append(stray)
        let audit = ExperimentAudit(design: Self.design, storedDesign: "{}", table: table, reads: reads, completions: completions(reads), models: [],
                                    chain: .init(intact: false, events: 3, signedReads: 1, head: "ab", problem: "event 2 was edited"),
                                    accounts: [], generatedAt: 0)
        let found = audit.anomalies.map { "\($0.kind.rawValue) \($0.reader) \($0.caseID ?? "-") \($0.session ?? 0)" }
        #expect(found.contains("resumedAfterCrash ann C1 1"), "\(found)")
        #expect(found.contains("paused ann C2 1"), "\(found)")
        #expect(found.contains("idleExcluded ben C1 1"), "\(found)")
        #expect(found.contains("signedWithPending ben C2 1"), "\(found)")
        #expect(found.contains("shortWashout ann - 2"), "\(found)")
        #expect(found.contains("unassignedRead ben C1 2") && found.contains("unsignedRead ben C1 2"), "\(found)")
        #expect(audit.anomalies.count == 7, "nothing else: \(found)")
        #expect(audit.text.contains("BROKEN: event 2 was edited"))
    }
}
