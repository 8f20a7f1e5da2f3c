import Foundation
import Testing
@testable import Statistics

@Suite struct MRMCDatasetTests {
    /// A complete 2 × 2 × 4 long file; `edit` changes it before parsing.
    static func long(_ edit: (inout [String]) -> Void = { _ in }) -> String {
        var lines = ["reader,treatment,case,truth,rating"]
        for t in ["A", "B"] { for r in ["r1", "r2"] { for (c, truth) in [("1", 0), ("2", 0), ("3", 1), ("4", 1)] {
            let base = (r == "r1" ? [1, 3, 2, 4] : [2, 1, 4, 3])[Int(c)! - 1]
            lines.append("\(r),\(t),\(c),\(truth),\(base + (t == "B" ? 1 : 0))")
        } } }
        edit(&lines)
        return lines.joined(separator: "\n") + "\n"
    }

    func message(_ body: () throws -> MRMCDataset) -> String {
        do { _ = try body(); return "no error" } catch let e as StatisticsError { return e.description } catch { return "\(error)" }
    }

    @Test func parsesCompleteLongFile() throws {
        let d = try MRMCDataset.parseLong(text: Self.long(), source: "s.csv")
        #expect(d.treatments == ["A", "B"] && d.readers == ["r1", "r2"] && d.cases == ["1", "2", "3", "4"])
        #expect(d.truth == [false, false, true, true])
        #expect(d.ratings[1][0] == [2, 4, 3, 5] && d.ratings[0][1] == [2, 1, 4, 3])
    }

    /// Spreadsheet exports: a byte-order mark, CRLF line ends, quoted fields, blank lines.
    @Test func toleratesBOMAndCRLF() throws {
        let text = "\u{FEFF}" + Self.long().replacingOccurrences(of: "\n", with: "\r\n").replacingOccurrences(of: "r1,A,1,", with: "\"r1\",A,1,") + "\r\n\r\n"
        #expect(try MRMCDataset.parseLong(text: text, source: "s") == (try MRMCDataset.parseLong(text: Self.long(), source: "s")))
    }

    @Test func missingColumnNamesHeaderLine() {
        let m = message { try MRMCDataset.parseLong(text: Self.long { $0[0] = "reader,treatment,case,truth,score2" }, source: "s.csv") }
        #expect(m.hasPrefix("s.csv:1: missing column \"rating\""), "\(m)")
    }

    @Test func nonNumericRatingNamesLineAndColumn() {
        let m = message { try MRMCDataset.parseLong(text: Self.long { $0[3] = "r1,A,3,1,high" }, source: "s.csv") }
        #expect(m == "s.csv:4:5 (column \"rating\"): \"high\" is not a numeric rating", "\(m)")
    }

    @Test func emptyTruthNamesLineAndColumn() {
        let m = message { try MRMCDataset.parseLong(text: Self.long { $0[2] = "r1,A,2,,3" }, source: "s.csv") }
        #expect(m == "s.csv:3:4 (column \"truth\"): empty truth cell, expected 0 or 1", "\(m)")
    }

    @Test func conflictingTruth() {
        let m = message { try MRMCDataset.parseLong(text: Self.long { $0[5] = "r2,A,1,1,1" }, source: "s.csv") }
        #expect(m.hasPrefix("s.csv:6:4 (column \"truth\"): case \"1\" has truth 1 here but 0 on line 2"), "\(m)")
    }

    @Test func incompleteDesign() {
        let m = message { try MRMCDataset.parseLong(text: Self.long { $0.remove(at: 7) }, source: "s.csv") }
        #expect(m.contains("no rating for reader \"r2\", treatment \"A\", case \"3\""), "\(m)")
    }

    @Test func duplicateRating() {
        let m = message { try MRMCDataset.parseLong(text: Self.long { $0.append($0[1]) }, source: "s.csv") }
        #expect(m.hasPrefix("s.csv:18: reader \"r1\", treatment \"A\", case \"1\" is rated twice (also line 2)"), "\(m)")
    }

    @Test func iMRMCWithPreambleAndMissingTruth() throws {
        var lines = ["Some study", "NR: 2", "BEGIN DATA:"]
        for (c, truth) in [(1, 0), (2, 0), (3, 1), (4, 1)] { lines.append("-1,\(c),0,\(truth)") }
        for t in ["M0", "M1"] { for r in ["1", "2"] { for c in 1...4 { lines.append("\(r),\(c),\(t),\(c * 10)") } } }
        let ok = try MRMCDataset.parseIMRMC(text: lines.joined(separator: "\n"), source: "i.csv")
        #expect(ok.treatments == ["M0", "M1"] && ok.truth == [false, false, true, true] && ok.ratings[0][1] == [10, 20, 30, 40])
        var noTruth = lines
        noTruth.remove(at: 5)  // the truth row of case 3
        let m = message { try MRMCDataset.parseIMRMC(text: noTruth.joined(separator: "\n"), source: "i.csv") }
        #expect(m == "i.csv:9: case \"3\" has no truth", "\(m)")
        var bad = lines
        bad[9] = "1,3,M0,x"
        let m2 = message { try MRMCDataset.parseIMRMC(text: bad.joined(separator: "\n"), source: "i.csv") }
        #expect(m2 == "i.csv:10:4 (column \"score\"): \"x\" is not a numeric score", "\(m2)")
    }

    /// Treatment B's ratings are A's plus one: a monotone shift leaves every AUC unchanged, so the
    /// difference and F are exactly zero.
    @Test func monotoneShiftGivesZeroDifference() throws {
        let a = ORAnalysis(try MRMCDataset.parseLong(text: Self.long(), source: "s"))
        #expect(a.treatmentAUC[0] == a.treatmentAUC[1])
        #expect(a.randomReadersRandomCases.differences[0].estimate == 0)
        #expect(a.auc[0] == [0.75, 1] && a.auc[1] == [0.75, 1])
    }
}
