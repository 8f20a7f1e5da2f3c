import Common
import TerminalUI

/// The reader's key bindings: the built-in ones (`KeyMap`) with the actions
/// `keys.toml` rebinds. A rebound action answers only to its new keys; its
/// old keys fall silent unless another action takes them. Rebinding works by
/// translating a pressed key to the built-in key of its action, so `KeyMap`
/// stays the one table of what each key does.
public struct KeyBindings: Sendable, Equatable {
    public enum Scope: Sendable, Equatable { case queue, study, everywhere }

    public struct Binding: Sendable, Equatable {
        public let name: String
        public let scope: Scope
        /// The built-in keys; the first is the one `KeyMap` is asked with.
        public let defaults: [Key]
    }

    /// Every action a key can be bound to, with its built-in keys (the same as `KeyMap`'s).
    public static let catalog: [Binding] = [
        .init(name: "up", scope: .queue, defaults: [.up, .char("k")]),
        .init(name: "down", scope: .queue, defaults: [.down, .char("j")]),
        .init(name: "page-up", scope: .queue, defaults: [.pageUp]),
        .init(name: "page-down", scope: .queue, defaults: [.pageDown]),
        .init(name: "first", scope: .queue, defaults: [.home, .char("g")]),
        .init(name: "last", scope: .queue, defaults: [.end, .char("G")]),
        .init(name: "open", scope: .queue, defaults: [.enter]),
        .init(name: "next-unread", scope: .queue, defaults: [.char("n")]),
        .init(name: "search", scope: .queue, defaults: [.char("/")]),
        .init(name: "filter-kind", scope: .queue, defaults: [.char("f")]),
        .init(name: "filter-status", scope: .queue, defaults: [.char("u")]),
        .init(name: "sort", scope: .queue, defaults: [.char("s")]),
        .init(name: "next-finding", scope: .study, defaults: [.tab, .down, .char("j")]),
        .init(name: "previous-finding", scope: .study, defaults: [.backTab, .up, .char("k")]),
        .init(name: "accept", scope: .study, defaults: [.char("a")]),
        .init(name: "accept-all", scope: .study, defaults: [.char("A")]),
        .init(name: "override", scope: .study, defaults: [.char("o")]),
        .init(name: "confidence", scope: .study, defaults: [.char("c")]),
        .init(name: "sign", scope: .study, defaults: [.char("S")]),
        .init(name: "pause", scope: .study, defaults: [.char("p")]),
        .init(name: "next-image", scope: .study, defaults: [.char("]"), .right]),
        .init(name: "previous-image", scope: .study, defaults: [.char("["), .left]),
        .init(name: "next-window", scope: .study, defaults: [.char("w")]),
        .init(name: "previous-window", scope: .study, defaults: [.char("W")]),
        .init(name: "narrower-window", scope: .study, defaults: [.char("<")]),
        .init(name: "wider-window", scope: .study, defaults: [.char(">")]),
        .init(name: "lower-level", scope: .study, defaults: [.char(",")]),
        .init(name: "higher-level", scope: .study, defaults: [.char(".")]),
        .init(name: "zoom-in", scope: .study, defaults: [.char("+"), .char("=")]),
        .init(name: "zoom-out", scope: .study, defaults: [.char("-")]),
        .init(name: "fit", scope: .study, defaults: [.char("0")]),
        .init(name: "pan-left", scope: .study, defaults: [.char("H")]),
        .init(name: "pan-down", scope: .study, defaults: [.char("J")]),
        .init(name: "pan-up", scope: .study, defaults: [.char("K")]),
        .init(name: "pan-right", scope: .study, defaults: [.char("L")]),
        .init(name: "invert", scope: .study, defaults: [.char("i")]),
        .init(name: "heat-map", scope: .study, defaults: [.char("h")]),
        .init(name: "markers", scope: .study, defaults: [.char("m")]),
        .init(name: "back", scope: .study, defaults: [.escape]),
        .init(name: "help", scope: .everywhere, defaults: [.char("?")]),
        .init(name: "quit", scope: .everywhere, defaults: [.char("q")]),
    ]

    static let byName: [String: Binding] = Dictionary(uniqueKeysWithValues: catalog.map { ($0.name, $0) })

    /// Action name → the keys the reader chose (an empty list unbinds the action).
    public private(set) var overrides: [String: [Key]] = [:]

    public init() {}

    public static let defaults = KeyBindings()

    /// Rebinds one action; throws when the name is not an action or a key is taken by
    /// another rebound action where both apply.
    public mutating func bind(_ name: String, to keys: [Key], file: String = "keys.toml") throws(KeyBindingsError) {
        guard let binding = Self.byName[name] else {
            throw KeyBindingsError(file: file, key: name, message: "unknown action (actions: \(Self.catalog.map(\.name).joined(separator: ", ")))")
        }
        for key in keys {
            for (other, otherKeys) in overrides where other != name && otherKeys.contains(key) {
                if let o = Self.byName[other], Self.overlap(o.scope, binding.scope) {
                    throw KeyBindingsError(file: file, key: name,
                                           message: "\"\(KeyName.display(key))\" is already bound to \(other)")
                }
            }
        }
        overrides[name] = keys
    }

    static func overlap(_ a: Scope, _ b: Scope) -> Bool { a == b || a == .everywhere || b == .everywhere }

    static func scopes(on screen: AppState.Screen) -> [Scope] {
        if screen == .queue { return [.queue, .everywhere] }
        if screen == .study { return [.study, .everywhere] }
        return [.everywhere]
    }

    /// The key `KeyMap` should see for `key` on `screen`: the built-in key of the action
    /// it is rebound to, nil when its built-in action was rebound elsewhere, else itself.
    public func translate(_ key: Key, on screen: AppState.Screen) -> Key? {
        guard !overrides.isEmpty else { return key }
        let scopes = Self.scopes(on: screen)
        for (name, keys) in overrides where keys.contains(key) {
            if let b = Self.byName[name], scopes.contains(b.scope) { return b.defaults.first }
        }
        for b in Self.catalog where scopes.contains(b.scope) && b.defaults.contains(key) && overrides[b.name] != nil {
            return nil
        }
        return key
    }

    /// The keys that trigger an action now, in the order the help shows them.
    public func keys(for name: String) -> [Key] {
        guard let b = Self.byName[name] else { return [] }
        if let chosen = overrides[name] { return chosen }
        // Built-in keys another rebound action took (where both apply) no longer reach this one.
        return b.defaults.filter { key in
            !overrides.contains { other, keys in
                keys.contains(key) && Self.byName[other].map { Self.overlap($0.scope, b.scope) } == true
            }
        }
    }
}
