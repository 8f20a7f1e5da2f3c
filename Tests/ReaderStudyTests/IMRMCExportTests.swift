import Foundation
import TestSupport
import Testing
@testable import ReaderStudy

/// `--format imrmc` as its two peers read it: RJafroc's `ReadImrmc` and the
/// iMRMC program's input rules (both re-stated in TestSupport).
@Suite struct IMRMCExportTests {
    let caseOrder = ["c-a", "c-b", "c-c", "c-d", "c-e", "c-f"]
    let truths = ["c-a": 0, "c-b": 1, "c-c": 0, "c-d": 1, "c-e": 0, "c-f": 1]

    /// Every reader × case × arm of a finished crossover.
    func crossoverReads(readers: [String], cases: [String]? = nil, truths: [String: Int]? = nil) throws -> [SignedRead] {
        let cases = cases ?? caseOrder, truths = truths ?? self.truths
        let table = try AssignmentTable.generate(for: ExperimentDesign(
            name: "x", readers: readers, arms: [.unaided, .aided], design: .crossover, seed: 3, caseIDs: cases))
        return table.rows.map { row in
            let rating = Double(truths[row.caseID] == 1 ? 7 : 3) + (row.arm == .aided ? 1 : 0)
            return SignedRead(reader: row.reader, caseID: row.caseID, session: row.session, arm: row.arm, rating: rating)
        }
    }

    @Test func peersReadTheFileWithNumericIds() throws {
        let readers = ["dee", "amy", "bo"]   // design order, not sorted: numbers follow the design
        let export = try ExportTable(reads: try crossoverReads(readers: readers), truths: truths,
                                     caseOrder: caseOrder, readerOrder: readers)
        let file = try export.imrmc(description: ["Lightbox experiment x (crossover)"])
        let jafroc = try RJafrocReadImrmc.read(text: file.text, fileName: "x.imrmc")
        #expect(jafroc.normalCount == 3 && jafroc.abnormalCount == 3)
        #expect(jafroc.readers == [1, 2, 3] && jafroc.modalities == ["aided", "unaided"])
        #expect(jafroc.ratings.count == 2 * 3 * 6)
        // reader 1 is dee (first in the design); case 2 is c-b (abnormal)
        #expect(jafroc.ratings["aided|1|2"] == 8 && jafroc.ratings["unaided|1|1"] == 3)
        let iMRMC = try IMRMCInputRules.read(text: file.text, fileName: "x.imrmc")
        #expect(iMRMC.readers == 3 && iMRMC.normal == 3 && iMRMC.disease == 3 && iMRMC.modalities == 2)
        #expect(iMRMC.ratings == 36 && iMRMC.warnings.isEmpty, "\(iMRMC.warnings)")

        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let begin = try #require(lines.firstIndex(of: "BEGIN DATA:"))
        #expect(Array(lines[(begin - 4)..<begin]) == ["N0: 3", "N1: 3", "NR: 3", "NM: 2"])
        #expect(lines[begin + 1] == "-1,1,0,0" && lines.last == "")
        #expect(!lines[(begin + 1)...].dropLast().contains(""), "no blank line after BEGIN DATA: (iMRMC refuses one)")

        #expect(file.idsCSV == """
            kind,number,id
            reader,1,dee
            reader,2,amy
            reader,3,bo
            case,1,c-a
            case,2,c-b
            case,3,c-c
            case,4,c-d
            case,5,c-e
            case,6,c-f

            """)
    }

    /// Names as RJafroc would meet them: the old export's failure, restated.
    @Test func namesInsteadOfNumbersFailRJafroc() throws {
        let text = "x\nN0: 1\nN1: 1\nNR: 1\nNM: 1\nBEGIN DATA:\n-1,1,0,0\n-1,2,0,1\namy,1,aided,3\namy,2,aided,8\n"
        let failure = #expect(throws: RJafrocReadImrmc.Failure.self) { try RJafrocReadImrmc.read(text: text, fileName: "x.imrmc") }
        #expect(failure?.message == "The number of readers in the dataset is different from the number in the study description.")
        #expect(throws: RJafrocReadImrmc.Failure.self) { try RJafrocReadImrmc.read(text: text, fileName: "x.csv") }
    }

    /// Ids with commas and quotes never reach the .imrmc file; the mapping file
    /// carries them, quoted, and reads back to the same text.
    @Test func trickyIdsStayInTheMappingFile() throws {
        let cases = [#"WRIST,"3""#, "c-b", "c-c", "c-d"]
        let truths = [cases[0]: 1, "c-b": 0, "c-c": 1, "c-d": 0]
        let readers = [#"o"neil, jr"#, "r2"]
        let export = try ExportTable(reads: try crossoverReads(readers: ["r1", "r2"], cases: cases, truths: truths)
                                        .map { read in var read = read; if read.reader == "r1" { read.reader = readers[0] }; return read },
                                     truths: truths, caseOrder: cases, readerOrder: readers)
        let file = try export.imrmc(description: ["x"])
        #expect(!file.text.contains("WRIST") && !file.text.contains("neil"))
        _ = try RJafrocReadImrmc.read(text: file.text, fileName: "x.imrmc")
        #expect(try IMRMCInputRules.read(text: file.text, fileName: "x.imrmc").warnings.isEmpty)
        let idLines = file.idsCSV.split(separator: "\n").map(String.init)
        #expect(idLines.contains(#"reader,1,"o""neil, jr""#))
        #expect(idLines.contains(#"case,1,"WRIST,""3""""#))
        // Back through an RFC 4180 reading: the ids come back unchanged.
        let table = RFC4180.parse(file.idsCSV)
        #expect(table.first == IMRMCExport.idsHeader)
        #expect(table.contains(["reader", "1", readers[0]]) && table.contains(["case", "1", cases[0]]))
    }

    @Test func descriptionCannotPassForAHeaderKey() throws {
        let export = try ExportTable(reads: try crossoverReads(readers: ["r1", "r2"]), truths: truths, caseOrder: caseOrder)
        let file = try export.imrmc(description: ["N0: 99", "nr", "BEGIN DATA:", "two\nlines", "x"])
        let lines = file.text.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(6)) == ["N0 - 99", "- nr", "BEGIN DATA -", "two", "lines", "- x"])
        #expect(try IMRMCInputRules.read(text: file.text, fileName: "x.imrmc").normal == 3)
        #expect(try RJafrocReadImrmc.read(text: file.text, fileName: "x.imrmc").readers == [1, 2])
    }

    /// Treatments come from `StudyArm`, so this guard is for a future arm name
    /// that iMRMC would mangle (it deletes blanks) or split (commas).
    @Test func everyTreatmentIsOneIMRMCWord() {
        let names = StudyArm.allCases.flatMap { arm in ArmPolicy(arm: arm).passes.map { ArmPolicy(arm: arm).treatment(for: $0) } }
        #expect(names.count >= 4)
        #expect(names.allSatisfy { !$0.isEmpty && !$0.unicodeScalars.contains(where: ExportTable.breaksIMRMC) })
        #expect(["a,b", "a b", "a:b", "a\"b"].allSatisfy { $0.unicodeScalars.contains(where: ExportTable.breaksIMRMC) })
    }
}
