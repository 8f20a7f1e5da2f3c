import Common
import Foundation
import TerminalUI
import TestSupport
import Testing

@Suite struct ThemeTests {
    @Test func everyBuiltinThemeParsesAndDefinesEveryRole() throws {
        #expect(Set(Theme.builtinNames).isSuperset(of: ["dark", "light", "high-contrast", "colorblind", "dim"]))
        for name in Theme.builtinNames {
            let t = try Theme.builtin(name)
            #expect(t.name == name)
            for role in Role.allCases { #expect(t.styles[role] != nil, "\(name) lacks \(role)") }
        }
    }

    @Test func compiledThemesMatchThemesFolder() throws {
        let dir = SharedReference.packageRoot.appendingPathComponent("Themes")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".toml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(Theme.builtinNames),
                "run Tools/generate-builtin-themes after editing Themes/")
        for f in files {
            let text = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
            let name = String(f.dropLast(5))
            #expect(BuiltinThemes.sources[name].map { $0 + "\n" } == text, "Themes/\(f) differs from the compiled copy")
        }
    }

    @Test(arguments: [
        ("name = \"x\"\n[roles]\ntitle = { fg = 300 }", "roles.title.fg", "300 is outside 0…255"),
        ("name = \"x\"\n[roles]\ntitle = { fg = \"blue\" }", "roles.title.fg", "\"blue\""),
        ("name = \"x\"\n[roles]\ntitel = { fg = 1 }", "roles.titel", "unknown role"),
        ("name = \"x\"\n[roles]\ntitle = { bold = 1 }", "roles.title.bold", "expected true or false, found 1"),
        ("[roles]\n", "name", "missing theme name"),
    ])
    func badValuesNameFileKeyAndValue(text: String, key: String, fragment: String) {
        do {
            _ = try Theme.parse(text, file: "mine.toml")
            Issue.record("expected failure")
        } catch {
            let msg = UserMessage.text(for: error)
            #expect(msg.hasPrefix("mine.toml: \(key):"), "\(msg)")
            #expect(msg.contains(fragment), "\(msg)")
        }
    }

    @Test func hexColoursAndDefaults() throws {
        let t = try Theme.parse("name = \"x\"\n[roles]\nnormal = { fg = \"#102030\" }\n", file: "x.toml")
        #expect(t.style(.normal).fg == .rgb(0x10, 0x20, 0x30))
        #expect(t.style(.title) == t.style(.normal))
    }
}
