import Testing
@testable import Statistics

/// The reading half of the round trip: these are the exact lines
/// ReaderStudyTests.ExportTableTests expects the long export to write.
@Suite struct CSVTableQuotingTests {
    let written = #"""
        reader,treatment,case,truth,rating,case_id,session,total_s,active_s,pre_ai_s,post_ai_s
        " r2",aided,1,0,3,c-a,1,,,,
        "o""neil, jr",unaided,2,1,7,"WRIST,""3""",2,,,,

        """#

    @Test func quotedIdsReadBackUnchanged() throws {
        let table = try CSVTable(text: written, source: "x.csv")
        #expect(table.rows.map(\.fields.count) == [11, 11])
        #expect(table.rows[0].fields[0] == " r2", "blanks inside quotes are content")
        #expect(table.rows[1].fields[0] == #"o"neil, jr"#)
        #expect(table.rows[1].fields[5] == #"WRIST,"3""#)
        #expect(table.rows[1].fields[4] == "7" && table.rows[1].line == 3)
    }

    @Test func theLongExportLoadsWithItsReaderNames() throws {
        // The smallest dataset MRMC accepts (2 treatments × 2 readers × 2 + 2 cases); names with commas and quotes.
        var lines = ["reader,treatment,case,truth,rating,case_id"]
        for reader in [#""o""neil, jr""#, #""b, ""bo""""#] {
            for treatment in ["aided", "unaided"] {
                for c in 1...4 { lines.append("\(reader),\(treatment),\(c),\(c % 2),\(c + 2),\"WRIST,\"\"\(c)\"\"\"") }
            }
        }
        let data = try MRMCDataset.parseLong(text: lines.joined(separator: "\n") + "\n", source: "x.csv")
        #expect(Set(data.readers) == [#"o"neil, jr"#, #"b, "bo""#])
        #expect(data.cases.count == 4)
    }

    @Test func blanksOutsideQuotesAreDroppedAndBareFieldsTrimmed() throws {
        let table = try CSVTable(text: "a,b,c\n  \"x y\"  , z ,\"\"\n\"multi\nline\",2,3\n", source: "t.csv")
        #expect(table.rows[0].fields == ["x y", "z", ""])
        #expect(table.rows[1].fields == ["multi\nline", "2", "3"] && table.rows[1].line == 3)
        #expect(throws: StatisticsError.self) { try CSVTable(text: "a\n\"open", source: "t.csv") }
    }
}
