import Common
import Testing

/// Issue 9: messages quote bytes from the bad file (a DICOM value, a TOML key, a
/// theme colour). Control characters among them are shown escaped, never sent
/// to the terminal, where ESC sequences would retitle the window, move the
/// cursor or rewrite what the reader sees.
@Suite struct BadInputUserMessageTests {
    struct Quoting: UserFacingError {
        var coordinates: String
        var problem: String
    }

    @Test(arguments: [
        ("\"\u{1B}]0;pwned\u{07}\" is not an integer string", "bad.dcm: (0028,0010) Rows: \"\\x1b]0;pwned\\x07\" is not an integer string"),
        ("found '\u{0}'", "bad.dcm: (0028,0010) Rows: found '\\x00'"),
        ("\u{7F}\u{9B}2J", "bad.dcm: (0028,0010) Rows: \\x7f\\x9b2J"),
        ("line\r\nbreak\ttab", "bad.dcm: (0028,0010) Rows: line break tab"),
        ("é ≠ e, ✓", "bad.dcm: (0028,0010) Rows: é ≠ e, ✓"),
    ])
    func controlCharactersAreEscaped(problem: String, expected: String) {
        #expect(UserMessage.text(for: Quoting(coordinates: "bad.dcm: (0028,0010) Rows", problem: problem)) == expected)
    }

    @Test func tomlErrorQuotingANulByte() {
        do { _ = try TOMLParser.parse("\u{0}", file: "bad.toml"); Issue.record("parsed") } catch {
            #expect(UserMessage.text(for: error) == "bad.toml:1:1: expected a key, found '\\x00'")
        }
    }
}
