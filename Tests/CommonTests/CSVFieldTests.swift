import Common
import Testing

@Suite struct CSVFieldTests {
    @Test func safeFieldsAreBare() {
        #expect(CSVField.line(["amy", "aided", "1", "", "WRIST-1", "0.85"]) == "amy,aided,1,,WRIST-1,0.85")
    }

    @Test func commasQuotesBreaksAndEdgeBlanksAreQuoted() {
        #expect(CSVField.quoted("a,b") == #""a,b""#)
        #expect(CSVField.quoted(#"say "hi""#) == #""say ""hi""""#)
        #expect(CSVField.quoted("two\nlines") == "\"two\nlines\"")
        #expect(CSVField.quoted("cr\r") == "\"cr\r\"")
        #expect(CSVField.quoted(" lead") == #"" lead""# && CSVField.quoted("trail\t") == "\"trail\t\"")
        #expect(CSVField.quoted("in side") == "in side")
        #expect(CSVField.line([#"WRIST,"3""#, "x"]) == #""WRIST,""3""",x"#)
    }
}
