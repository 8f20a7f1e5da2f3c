import Testing
@testable import ReaderStudy

@Suite struct ExportTableTests {
    let caseOrder = ["c-a", "c-b", "c-c", "c-d"]
    let truths = ["c-a": 0, "c-b": 1, "c-c": 0, "c-d": 1]

    /// Two readers × four cases × two arms, as a finished crossover would give.
    func crossoverReads() throws -> [SignedRead] {
        let table = try AssignmentTable.generate(for: ExperimentDesign(
            name: "x", readers: ["r1", "r2"], arms: [.unaided, .aided], design: .crossover, seed: 3, caseIDs: caseOrder))
        return table.rows.map { row in
            let present = truths[row.caseID] == 1
            let rating = Double(present ? 4 : 2) + (row.arm == .aided ? 1 : 0)
            let timing = PassTiming(totalNanos: 12_345_000_000, activeNanos: 10_000_000_000,
                                    beforeAINanos: row.arm == .aided ? 500_000_000 : 10_000_000_000,
                                    afterAINanos: row.arm == .aided ? 9_500_000_000 : 0)
            return SignedRead(reader: row.reader, caseID: row.caseID, session: row.session, arm: row.arm,
                              rating: rating, timing: timing)
        }
    }

    @Test func longRowsCoverEveryReadSortedWithIntegerCases() throws {
        let export = try ExportTable(reads: try crossoverReads(), truths: truths, caseOrder: caseOrder)
        let lines = export.longCSV.split(separator: "\n").map(String.init)
        #expect(lines[0] == "reader,treatment,case,truth,rating,case_id,session,total_s,active_s,pre_ai_s,post_ai_s")
        #expect(lines.count == 1 + 2 * 4 * 2)
        let fields = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(fields.allSatisfy { $0.count == 11 })
        #expect(fields.map { $0[0] } == Array(repeating: "r1", count: 8) + Array(repeating: "r2", count: 8))
        #expect(fields.prefix(4).map { $0[1] } == ["aided", "aided", "aided", "aided"])
        #expect(fields.prefix(4).map { $0[2] } == ["1", "2", "3", "4"])
        for row in fields {
            let id = row[5]
            #expect(row[2] == String(caseOrder.firstIndex(of: id)! + 1))
            #expect(row[3] == String(truths[id]!))
            #expect(row[7] == "12.345" && row[8] == "10.000")
            #expect(row[1] == "aided" ? row[9] == "0.500" && row[10] == "9.500" : row[9] == "10.000" && row[10] == "0.000")
        }
        // each reader has each case under each treatment in one session or the other
        #expect(Set(fields.map { "\($0[0]) \($0[1]) \($0[2])" }).count == 16)
    }

    @Test func missingTimingLeavesEmptyColumnsAndRatingsKeepDecimals() throws {
        let reads = [SignedRead(reader: "r1", caseID: "c-b", session: 1, arm: .aided, rating: 0.85)]
        let export = try ExportTable(reads: reads, truths: truths, caseOrder: caseOrder)
        #expect(export.rows[0].csvLine == "r1,aided,2,1,0.85,c-b,1,,,,")
    }

    /// Ids with commas, quotes and edge blanks are quoted (RFC 4180) so the
    /// columns stay put; StatisticsTests reads these exact lines back.
    @Test func idsWithCommasAndQuotesAreQuoted() throws {
        let caseID = #"WRIST,"3""#, reader = #"o"neil, jr"#
        let reads = [SignedRead(reader: reader, caseID: caseID, session: 2, arm: .unaided, rating: 7),
                     SignedRead(reader: " r2", caseID: "c-a", session: 1, arm: .aided, rating: 3)]
        let export = try ExportTable(reads: reads, truths: [caseID: 1, "c-a": 0], caseOrder: ["c-a", caseID])
        #expect(export.longCSV == #"""
            reader,treatment,case,truth,rating,case_id,session,total_s,active_s,pre_ai_s,post_ai_s
            " r2",aided,1,0,3,c-a,1,,,,
            "o""neil, jr",unaided,2,1,7,"WRIST,""3""",2,,,,

            """#)
    }

    @Test func sequentialPassesAreTwoTreatments() throws {
        let reads = [
            SignedRead(reader: "r1", caseID: "c-a", session: 1, arm: .sequential, pass: .first, rating: 3),
            SignedRead(reader: "r1", caseID: "c-a", session: 1, arm: .sequential, pass: .second, rating: 2),
        ]
        let export = try ExportTable(reads: reads, truths: truths, caseOrder: caseOrder)
        #expect(export.treatments == ["sequential-aided", "sequential-unaided"])
        #expect(export.rows.map(\.rating) == [2, 3])
    }

    @Test func badInputIsRefusedWithItsCoordinates() {
        let ok = SignedRead(reader: "r1", caseID: "c-a", session: 1, arm: .aided, rating: 3)
        func refused(_ reads: [SignedRead], truths: [String: Int]? = nil, readers: [String]? = nil) -> String? {
            do { _ = try ExportTable(reads: reads, truths: truths ?? self.truths, caseOrder: caseOrder, readerOrder: readers); return nil } catch {
                return error.problem
            }
        }
        #expect(refused([ok]) == nil)
        #expect(refused([ok, ok])?.contains("signed twice") == true)
        var stranger = ok; stranger.caseID = "c-z"
        #expect(refused([stranger])?.contains("not in the experiment") == true)
        #expect(refused([ok], truths: ["c-b": 1])?.contains("no reference truth") == true)
        #expect(refused([ok], truths: ["c-a": 2])?.contains("0 or 1") == true)
        var newline = ok; newline.reader = "a\nb"
        #expect(refused([newline])?.contains("line breaks") == true)
        var stray = ok; stray.reader = "r9"
        #expect(refused([stray], readers: ["r1", "r2"])?.contains("reader list") == true)
        var nan = ok; nan.rating = .nan
        #expect(refused([nan])?.contains("finite") == true)
    }

    @Test func ratingScales() throws {
        let scale = RatingScale.callWithConfidence
        #expect(try (1...5).map { try scale.rating(present: false, confidence: $0) } == [5, 4, 3, 2, 1])
        #expect(try (1...5).map { try scale.rating(present: true, confidence: $0) } == [6, 7, 8, 9, 10])
        #expect(throws: ReaderStudyError.self) { try scale.rating(present: true, confidence: 0) }
        #expect(try RatingScale.percent.rating(present: false, confidence: 73) == 73)
        #expect(throws: ReaderStudyError.self) { try RatingScale.percent.rating(present: true, confidence: 101) }
    }
}
