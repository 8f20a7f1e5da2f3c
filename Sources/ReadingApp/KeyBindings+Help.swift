/// The help overlay with the keys in force: a row whose actions are all on their
/// built-in keys reads as `KeyMap.help` (and the README); a row with a rebound
/// action lists each action's keys now.
extension KeyBindings {
    /// Help row (by its built-in keys text) → a fixed part that cannot be rebound, and its actions.
    static let helpActions: [String: (fixed: String?, actions: [String])] = [
        "↑ ↓  j k": (nil, ["up", "down", "previous-finding", "next-finding", "page-up", "page-down", "first", "last"]),
        "Enter  n": (nil, ["open", "next-unread"]),
        "/  f  u  s": (nil, ["search", "filter-kind", "filter-status", "sort"]),
        "Tab  Shift-Tab": (nil, ["next-finding", "previous-finding"]),
        "a": (nil, ["accept"]),
        "A": (nil, ["accept-all"]),
        "o": (nil, ["override"]),
        "c": (nil, ["confidence"]),
        "1…9  [ ]  ← →": ("1…9", ["previous-image", "next-image"]),
        "w  W": (nil, ["next-window", "previous-window"]),
        "<  >  ,  .": (nil, ["narrower-window", "wider-window", "lower-level", "higher-level"]),
        "+  -  0  H J K L": (nil, ["zoom-in", "zoom-out", "fit", "pan-left", "pan-down", "pan-up", "pan-right"]),
        "i  h  m": (nil, ["invert", "heat-map", "markers"]),
        "p": (nil, ["pause"]),
        "S": (nil, ["sign"]),
        "Esc": (nil, ["back"]),
        "?": (nil, ["help"]),
        "q": (nil, ["quit"]),
    ]

    /// `KeyMap.help` with the keys in force.
    public var help: [(keys: String, what: String)] {
        KeyMap.help.map { row in
            guard let entry = Self.helpActions[row.keys],
                  entry.actions.contains(where: { overrides[$0] != nil || keys(for: $0) != Self.byName[$0]?.defaults }) else { return row }
            let parts = entry.actions.map { name in
                let k = keys(for: name).map(KeyName.display).joined(separator: " ")
                return k.isEmpty ? "—" : k
            }
            return (keys: ((entry.fixed.map { [$0] } ?? []) + parts).joined(separator: "  "), what: row.what)
        }
    }
}
