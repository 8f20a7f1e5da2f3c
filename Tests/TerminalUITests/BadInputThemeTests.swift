import Common
import Testing
import TerminalUI

/// Issue 9, bad input for theme files: one line naming the file, the key and
/// what is wrong with the value; a broken theme never yields a Theme.
@Suite struct BadInputThemeTests {
    static let head = "name = \"mine\"\n[roles]\n"

    static func message(_ text: String) -> String? {
        do { _ = try Theme.parse(text, file: "mine.toml"); return nil } catch { return UserMessage.text(for: error) }
    }

    @Test(arguments: [
        (head + "title = { fg = 256 }", "mine.toml: roles.title.fg: colour index 256 is outside 0…255"),
        (head + "title = { fg = -1 }", "mine.toml: roles.title.fg: colour index -1 is outside 0…255"),
        (head + "title = { bg = 1.5 }", "mine.toml: roles.title.bg: expected a colour, found 1.5"),
        (head + "title = { bg = [1, 2] }", "mine.toml: roles.title.bg: expected a colour, found an array"),
        (head + "title = { fg = \"#12345\" }", "mine.toml: roles.title.fg: colour \"#12345\" is not \"default\", 0…255 or \"#rrggbb\""),
        (head + "title = { fg = \"#1234567\" }", "mine.toml: roles.title.fg: colour \"#1234567\" is not \"default\", 0…255 or \"#rrggbb\""),
        (head + "title = { fg = \"#gg0000\" }", "mine.toml: roles.title.fg: colour \"#gg0000\" is not \"default\", 0…255 or \"#rrggbb\""),
        (head + "title = { fg = \"#+fffff\" }", "mine.toml: roles.title.fg: colour \"#+fffff\" is not \"default\", 0…255 or \"#rrggbb\""),
        (head + "title = { fg = \"#-00000\" }", "mine.toml: roles.title.fg: colour \"#-00000\" is not \"default\", 0…255 or \"#rrggbb\""),
        (head + "title = { fg = \"＃ffffff\" }", "mine.toml: roles.title.fg: colour \"＃ffffff\" is not \"default\", 0…255 or \"#rrggbb\""),
        (head + "title = { italic = true }", "mine.toml: roles.title.italic: unknown attribute (expected fg, bg, bold, reverse, underline, dim)"),
        (head + "title = { dim = \"yes\" }", "mine.toml: roles.title.dim: expected true or false, found \"yes\""),
        (head + "title = 15", "mine.toml: roles.title: expected a table such as { fg = 15 }"),
        (head + "tittle = { fg = 1 }", "mine.toml: roles.tittle: unknown role"),
        ("name = \"\"\n[roles]\n", "mine.toml: name: missing theme name"),
        ("name = 3\n[roles]\n", "mine.toml: name: missing theme name"),
        ("name = \"x\"\n", "mine.toml: roles: missing [roles] table"),
        ("name = \"x\"\nroles = 1\n", "mine.toml: roles: missing [roles] table"),
        ("name = \"x\"\ncolours = 1\n[roles]\n", "mine.toml: colours: unknown key (expected name, description, roles)"),
        (head + "title = { fg = 1", "mine.toml:3:17: expected ',' or '}' in inline table"),
        (head + "title = " + String(repeating: "{a=", count: 10_000), "mine.toml:3:201: arrays and inline tables nest more than 64 levels deep"),
    ])
    func badValuesGiveOneLine(text: String, expected: String) {
        #expect(Self.message(text) == expected)
    }
}
