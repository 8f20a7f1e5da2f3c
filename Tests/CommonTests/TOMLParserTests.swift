import Common
import Testing

@Suite struct TOMLParserTests {
    @Test func tablesInlineTablesAndValues() throws {
        let doc = try TOMLParser.parse("""
        # comment
        name = "dark" # trailing
        count = 1_000
        ratio = 0.5
        on = true
        list = [1, 2,
                3]
        [roles]
        title = { fg = 117, bold = true }
        [a.b]
        c = 'literal \\n'
        """)
        #expect(doc["name"] == .string("dark"))
        #expect(doc["count"] == .integer(1000))
        #expect(doc["ratio"] == .float(0.5))
        #expect(doc["on"] == .bool(true))
        #expect(doc["list"] == .array([.integer(1), .integer(2), .integer(3)]))
        #expect(doc["roles"] == .table(["title": .table(["fg": .integer(117), "bold": .bool(true)])]))
        #expect(doc["a"] == .table(["b": .table(["c": .string("literal \\n")])]))
    }

    @Test func escapes() throws {
        let doc = try TOMLParser.parse(#"s = "tab\tquote\" \u00e9""#)
        #expect(doc["s"] == .string("tab\tquote\" é"))
    }

    @Test(arguments: [
        ("a = ", 1, "expected a value"),
        ("a = 1\na = 2", 2, "defined twice"),
        ("[t]\n[t]", 2, "defined twice"),
        ("a = \"open", 1, "unterminated string"),
        ("a = 1 b", 1, "expected end of line"),
        ("a = [1 2]", 1, "expected ',' or ']'"),
        ("= 3", 1, "expected a key"),
    ])
    func errorsNameTheLine(text: String, line: Int, message: String) {
        do {
            _ = try TOMLParser.parse(text, file: "t.toml")
            Issue.record("expected an error for \(text)")
        } catch let e as TOMLError {
            #expect(e.line == line)
            #expect(e.message.contains(message), "\(e.message)")
            #expect(UserMessage.text(for: e).hasPrefix("t.toml:\(line):"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
