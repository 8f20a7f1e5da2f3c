import TerminalUI

/// Key names as `keys.toml` spells them, and as the help overlay shows them.
enum KeyName {
    static let named: [String: Key] = [
        "up": .up, "down": .down, "left": .left, "right": .right,
        "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
        "tab": .tab, "shift-tab": .backTab, "backtab": .backTab,
        "backspace": .backspace, "delete": .delete, "del": .delete,
        "pageup": .pageUp, "pgup": .pageUp, "pagedown": .pageDown, "pgdn": .pageDown,
        "home": .home, "end": .end, "space": .char(" "),
    ]

    static let expected = "a single character, or up, down, left, right, enter, esc, tab, shift-tab, backspace, delete, pageup, pagedown, home, end, space, f1…f12, ctrl-a…ctrl-z"

    /// The key a name stands for; nil when it is not a key name.
    static func parse(_ text: String) -> Key? {
        if text.count == 1, let c = text.first {
            // A lone space or a control character cannot be typed into a TOML value meaningfully.
            guard !c.isWhitespace, !c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return nil }
            return .char(c)
        }
        let lower = text.lowercased()
        if let k = named[lower] { return k }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) { return .function(n) }
        for prefix in ["ctrl-", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            if rest.count == 1, let c = rest.first, c.isASCII, c.isLetter { return .ctrl(c) }
        }
        return nil
    }

    /// How the help overlay writes a key.
    static func display(_ key: Key) -> String {
        switch key {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .function(let n): return "F\(n)"
        case .ctrl(let c): return "Ctrl-\(c)"
        }
    }
}
