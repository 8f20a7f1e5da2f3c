import Foundation
import Testing
@testable import ReaderStudy

@Suite struct ExperimentSummaryTests {
    @Test func showsDesignProgressAndWashoutDate() throws {
        let design = StudyFixtures.crossover(readers: 2, cases: 4)
        let table = try AssignmentTable.generate(for: design)
        // 2026-01-10 09:00:30 UTC
        let signed = Date(timeIntervalSince1970: 1_768_035_630)
        let done = table.rows(reader: "r1", session: 1).map {
            CaseCompletion(reader: "r1", caseID: $0.caseID, session: 1, signedAt: signed)
        }
        let clock = ManualClock(signed.addingTimeInterval(3600))
        let text = try ExperimentSummary.text(design: design, table: table, completions: done, clock: clock)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "experiment fracture-2026: crossover, arms unaided, aided, 2 session(s), washout 28 days, seed 20260101")
        // Designs stored before the rating scale existed read as 1–5.
        #expect(lines[1] == "2 reader(s), 4 case(s), order \(design.ordering.rawValue), confidence 1-5")
        var percent = design
        percent.ratingScale = .percent
        let percentText = try ExperimentSummary.text(design: percent, table: table, completions: done, clock: clock)
        #expect(percentText.split(separator: "\n")[1].hasSuffix("confidence 0-100"))
        let r1 = try #require(lines.first { $0.hasPrefix("r1 ") })
        let r2 = try #require(lines.first { $0.hasPrefix("r2 ") })
        #expect(r1.contains("4/4 done 2026-01-10"))
        #expect(r1.contains("0/4 opens 2026-02-07 09:01 UTC"))   // 28 days later, rounded up to the minute
        #expect(r2.contains("0/4 open"))
        #expect(r2.contains("0/4 after session 1"))
        let starts = [r1, r2].map { $0.contains(" aided ") }
        #expect(starts.filter { $0 }.count == 1)
        // Columns line up: "reader" fills the 6-wide name column exactly, as the arm and the
        // sessions in the rows start where their headers do.
        let header = try #require(lines.first { $0.hasPrefix("reader") })
        #expect(header.hasPrefix("reader  starts      session 1"))
        func column(_ line: String, _ word: String) -> Int? {
            line.range(of: word).map { line.distance(from: line.startIndex, to: $0.lowerBound) }
        }
        let armColumn = [r1, r2].compactMap { line in ["unaided", "aided"].compactMap { column(line, " \($0) ").map { $0 + 1 } }.min() }
        #expect(armColumn == [8, 8] && column(header, "starts") == 8)
        #expect(column(header, "session 1") == column(r1, "4/4") && column(header, "session 2") == column(r1, "0/4"))
    }

    @Test func casesAreSampledFromTheSeedInLibraryOrder() throws {
        let library = (1...20).map { String(format: "s%02d", $0) }
        let a = try ExperimentDesign.sampleCases(from: library.reversed(), count: 6, seed: 9)
        #expect(a.count == 6 && a == a.sorted() && Set(a).isSubset(of: library))
        #expect(try ExperimentDesign.sampleCases(from: library, count: 6, seed: 9) == a)
        #expect(try ExperimentDesign.sampleCases(from: library, count: 6, seed: 10) != a)
        #expect(try ExperimentDesign.sampleCases(from: library, count: nil, seed: 9) == library)
        #expect(throws: ReaderStudyError.self) { try ExperimentDesign.sampleCases(from: library, count: 21, seed: 9) }
    }
}
