import Common
import Testing

/// Issue 9, bad input for the TOML reader behind themes and key maps: every
/// failure is one line "file:line:column: problem", and no input can crash it.
@Suite struct BadInputTOMLTests {
    static func message(_ text: String) -> String? {
        do { _ = try TOMLParser.parse(text, file: "bad.toml"); return nil } catch { return UserMessage.text(for: error) }
    }

    // Regression: each of these overflowed the stack (arrays, inline tables) or
    // ran out of memory (dotted keys, quadratic copying) before nesting was bounded.
    // Found by replaying crafted inputs through Fuzz/toml (see Docs/RELIABILITY.md).
    @Test func deeplyNestedArraysAreRefused() {
        #expect(Self.message("a = " + String(repeating: "[", count: 100_000))
                == "bad.toml:1:69: arrays and inline tables nest more than 64 levels deep")
    }

    @Test func deeplyNestedInlineTablesAreRefused() {
        #expect(Self.message("a = " + String(repeating: "{b=", count: 100_000))
                == "bad.toml:1:197: arrays and inline tables nest more than 64 levels deep")
    }

    @Test func longDottedKeysAreRefused() {
        let key = Array(repeating: "a", count: 100_000).joined(separator: ".")
        #expect(Self.message(key + " = 1") == "bad.toml:1:128: dotted key has more than 64 parts")
        #expect(Self.message("[" + key + "]") == "bad.toml:1:129: dotted key has more than 64 parts")
    }

    @Test func nestingUpToTheLimitStillParses() throws {
        let doc = try TOMLParser.parse("a = " + String(repeating: "[", count: 64) + String(repeating: "]", count: 64))
        var v = try #require(doc["a"])
        var depth = 0
        while case .array(let items) = v, let first = items.first { v = first; depth += 1 }
        #expect(depth == 63) // the innermost of the 64 arrays is empty
        let key = Array(repeating: "k", count: 64).joined(separator: ".")
        #expect(try TOMLParser.parse(key + " = 1").isEmpty == false)
    }

    @Test(arguments: [
        ("a = \"open", "bad.toml:1:10: unterminated string"),
        ("a = 'open\nb = 1", "bad.toml:1:10: unterminated string"),
        ("a = \"\\q\"", "bad.toml:1:8: unknown escape '\\q'"),
        ("a = \"\\uD800\"", "bad.toml:1:12: bad unicode escape \\uD800"),
        ("a = 1\na = 2", "bad.toml:2:6: key 'a' is defined twice"),
        ("[t]\n[t]", "bad.toml:2:4: table [t] is defined twice"),
        ("[[t]]", "bad.toml:1:2: arrays of tables are not supported"),
        ("a = 0x", "bad.toml:1:7: '0x' is not a number"),
        ("a = 1e999", "bad.toml:1:10: '1e999' is not a number"),
        ("a = [1, 2", "bad.toml:1:10: expected ',' or ']' in array"),
        ("a = { b = 1", "bad.toml:1:12: expected ',' or '}' in inline table"),
        ("a = 1 b = 2", "bad.toml:1:7: expected end of line, found 'b'"),
        ("= 1", "bad.toml:1:1: expected a key, found '='"),
        ("a", "bad.toml:1:2: expected '=' after key 'a'"),
        ("\u{0}", "bad.toml:1:1: expected a key, found '\\x00'"),
    ])
    func syntaxErrorsNameLineAndColumn(text: String, expected: String) {
        #expect(Self.message(text) == expected)
    }
}
