import Foundation
import Ledger
import ReaderStudy
import TestSupport
import Testing

/// `lightbox practice review` on reads signed through the ledger as the
/// practice screen signs them (outside any experiment).
@Suite struct ExperimentPracticeReviewTests {
    func sign(_ ledger: LedgerStore, reader: String, study: String, reader value: String, ai: String?, seconds: UInt64) throws {
        let read = try ledger.openRead(reader: reader, study: study, context: .plain)
        try ledger.append(ReadEvent(kind: .opened, appSession: "a", monotonicNanos: 0, wallTime: 1000), to: read.id)
        let decision = FindingDecision(finding: "fracture.study", aiValue: ai, readerValue: value,
                                       state: value == ai ? .accepted : .overridden)
        try ledger.sign(read.id, decisions: [decision], confidence: 4,
                        event: ReadEvent(kind: .signed, appSession: "a", monotonicNanos: seconds * 1_000_000_000, wallTime: 1000 + Double(seconds)))
    }

    @Test func scoreboardAndDiscrepanciesOfOneTrainee() throws {
        _ = try #require(LightboxBinary.path, "build lightbox first")
        let dir = TempDirectory("lightbox-practice")
        defer { dir.remove() }
        let library = ExperimentEndToEndTests.makeLibrary(dir)   // odd cases normal, even abnormal
        let db = dir.file("ledger.sqlite")
        do {
            let ledger = try LedgerStore(path: db)
            try sign(ledger, reader: "tina", study: "WRIST-1", reader: "abnormal", ai: "abnormal", seconds: 20)  // followed a wrong model
            try sign(ledger, reader: "tina", study: "WRIST-2", reader: "abnormal", ai: "abnormal", seconds: 30)  // right
            try sign(ledger, reader: "tina", study: "WRIST-3", reader: "normal", ai: "abnormal", seconds: 40)    // right, model wrong
            try sign(ledger, reader: "uma", study: "WRIST-4", reader: "normal", ai: "abnormal", seconds: 50)     // someone else's
        }
        let r = try LightboxBinary.run(["practice", "review", "--library", library, "--reader", "tina", "--db", db, "--json"],
                                       environment: LightboxBinary.actingAs("tina"))
        #expect(r.status == 0, "\(r.stderr)")
        let board = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(board["cases"] as? Int == 3, "only tina's reads")
        let groups = try #require(board["groups"] as? [[String: Any]])
        #expect(groups.count == 1 && groups[0]["group"] as? String == "fracture" && groups[0]["count"] as? Int == 3)
        #expect(abs((groups[0]["agreement"] as? Double ?? 0) - 2.0 / 3) < 1e-12)
        #expect(abs((board["agreementWithModel"] as? Double ?? 0) - 2.0 / 3) < 1e-12)
        #expect(board["meanActiveSeconds"] as? Double == 30 && board["medianActiveSeconds"] as? Double == 30)
        let discrepancies = try #require(board["discrepancies"] as? [[String: Any]])
        #expect(discrepancies.count == 1)
        #expect(discrepancies.first?["case"] as? String == "WRIST-1" && discrepancies.first?["reference"] as? String == "normal")
        #expect(discrepancies.first?["modelWasRight"] as? Bool == false)

        let text = try LightboxBinary.run(["practice", "review", "--library", library, "--reader", "tina", "--db", db],
                                          environment: LightboxBinary.actingAs("tina"))
        #expect(text.stdout.contains("practice of tina: 3 signed case(s)"), "\(text.stdout)")
        // The lines Docs/READER-STUDIES.md shows.
        for line in ["fracture  3  0.667      0.400  -           -              -",
                     "agreement with the model 0.667; active time per case: mean 30.0 s, median 30.0 s",
                     "case     finding         yours     model     reference  note",  // every column named
                     "WRIST-1  fracture.study  abnormal  abnormal  normal     followed the model"] {
            #expect(text.stdout.contains(line + "\n"), "\(line)\n---\n\(text.stdout)")
        }
    }
}
