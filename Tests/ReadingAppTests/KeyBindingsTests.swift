import Common
import Foundation
import ReadingApp
import TerminalUI
import TestSupport
import Testing

/// keys.toml: actions rebound to keys; the help overlay shows the keys in force.
@Suite struct KeyBindingsTests {
    let file = "/cfg/lightbox/keys.toml"

    var queue: AppState { Fixtures.loadedState() }
    var study: AppState {
        var s = Fixtures.loadedState()
        _ = AppReducer.reduce(&s, .moveSelection(1))
        _ = AppReducer.reduce(&s, .openSelected)
        return s
    }

    func with(_ bindings: KeyBindings, _ state: AppState) -> AppState { var s = state; s.keys = bindings; return s }
    func action(_ key: Key, _ state: AppState) -> AppAction? { KeyMap.action(for: .key(key), in: state) }

    @Test func catalogMatchesTheBuiltInKeyMap() {
        for b in KeyBindings.catalog {
            let screens: [AppState] = switch b.scope {
            case .queue: [queue]
            case .study: [study]
            case .everywhere: [queue, study]
            }
            for s in screens {
                let canonical = action(b.defaults[0], s)
                #expect(canonical != nil, "\(b.name): \(b.defaults[0]) does nothing")
                for k in b.defaults { #expect(action(k, s) == canonical, "\(b.name): \(k) differs from \(b.defaults[0])") }
            }
        }
    }

    @Test func reboundActionsAnswerOnlyToTheirNewKeys() throws {
        let keys = try KeyBindings.parse("accept = \"y\"\nsign = [\"ctrl-s\", \"F2\"]\n", file: file)
        let s = with(keys, study)
        #expect(action(.char("y"), s) == .accept)
        #expect(action(.char("a"), s) == nil)
        #expect(action(.ctrl("s"), s) == .sign)
        #expect(action(.function(2), s) == .sign)
        #expect(action(.char("S"), s) == nil)
        #expect(action(.char("o"), s) == .override, "actions not in the file keep their keys")
        #expect(action(.char("y"), with(keys, queue)) == nil, "a study action does not leak into the queue")
        // Digits stay view tabs, prompts still take every key.
        #expect(action(.char("2"), s) == .showImage(1))
    }

    @Test func takingAnotherActionsBuiltInKeyOnlyWhereItApplies() throws {
        let keys = try KeyBindings.parse("zoom-in = \"j\"", file: file)
        #expect(action(.char("j"), with(keys, study)) == .zoom(1.5))
        #expect(action(.char("j"), with(keys, queue)) == .moveSelection(1))
        #expect(action(.char("+"), with(keys, study)) == nil)
        #expect(keys.keys(for: "next-finding") == [.tab, .down])
        #expect(keys.keys(for: "down") == [.down, .char("j")])
    }

    @Test func emptyListUnbinds() throws {
        let keys = try KeyBindings.parse("quit = []", file: file)
        #expect(action(.char("q"), with(keys, queue)) == nil)
        #expect(action(.char("q"), with(keys, study)) == nil)
    }

    func problem(_ text: String) -> String? {
        do { _ = try KeyBindings.parse(text, file: file); return nil } catch { return UserMessage.text(for: error) }
    }

    @Test func badFilesNameTheFileTheActionAndTheValue() {
        #expect(problem("acept = \"y\"")?.hasPrefix("/cfg/lightbox/keys.toml: acept: unknown action (value \"y\"); actions: up, down,") == true)
        #expect(problem("accept = \"yes\"")?.hasPrefix("/cfg/lightbox/keys.toml: accept: unknown key name \"yes\" (expected a single character") == true)
        #expect(problem("sign = [\"S\", \"ctrl-1\"]")?.hasPrefix("/cfg/lightbox/keys.toml: sign: unknown key name \"ctrl-1\"") == true)
        #expect(problem("accept = 5") == "/cfg/lightbox/keys.toml: accept: expected a key name or a list of key names, found 5")
        #expect(problem("accept = \"y\"\nsign = \"y\"") == "/cfg/lightbox/keys.toml: sign: \"y\" is already bound to accept")
        #expect(problem("accept = ")?.hasPrefix("/cfg/lightbox/keys.toml:1:") == true)
        // One line, however odd the value.
        #expect(problem("accept = \"\\u001b[31m\"")?.contains("\u{1b}") == false)
        // The same key on two screens is fine.
        #expect(problem("sort = \"y\"\naccept = \"y\"") == nil)
    }

    @Test func helpShowsTheKeysInForce() throws {
        #expect(KeyBindings.defaults.help.map(\.keys) == KeyMap.help.map(\.keys))
        let keys = try KeyBindings.parse("accept = \"y\"\nnext-image = [\"n\", \"right\"]", file: file)
        let help = keys.help
        #expect(help.first { $0.what == "accept the AI value of the finding" }?.keys == "y")
        #expect(help.first { $0.what == "show image n / previous / next" }?.keys == "1…9  [ ←  n →")
        var s = with(keys, study)
        _ = AppReducer.reduce(&s, .toggleHelp)
        let screen = AppView.render(s, size: Size(width: 80, height: 24), theme: try Theme.builtin("dark")).lines
        #expect(screen.contains { $0.contains("│ y                accept the AI value of the finding") })
    }

    @Test func loaderUsesXDGConfigHomeThenHomeAndReadsTheFile() throws {
        #expect(KeysFileLoader.path(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/lightbox/keys.toml")
        #expect(KeysFileLoader.path(environment: ["XDG_CONFIG_HOME": "", "HOME": "/h"]) == "/h/.config/lightbox/keys.toml")
        let dir = TempDirectory()
        defer { dir.remove() }
        #expect(try KeysFileLoader.load(environment: ["XDG_CONFIG_HOME": dir.path]) == KeyBindings.defaults)
        dir.write("lightbox/keys.toml", "# my keys\naccept = \"y\"\n")
        #expect(try KeysFileLoader.load(environment: ["XDG_CONFIG_HOME": dir.path]).keys(for: "accept") == [.char("y")])
        dir.write("lightbox/keys.toml", "accept = \"nope\"\n")
        #expect(throws: KeyBindingsError.self) { try KeysFileLoader.load(environment: ["XDG_CONFIG_HOME": dir.path]) }
    }
}

@Suite struct ReadmeKeysFileTests {
    @Test func readmeNamesEveryBindableAction() throws {
        let readme = try String(contentsOf: SharedReference.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for b in KeyBindings.catalog { #expect(readme.contains("`\(b.name)`"), "README lacks the action \(b.name)") }
    }
}
