import Foundation

/// Finds and reads the reader's key bindings: `$XDG_CONFIG_HOME/lightbox/keys.toml`,
/// else `~/.config/lightbox/keys.toml`. No file means the built-in keys.
public enum KeysFileLoader {
    public static func path(environment: [String: String]) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        return base + "/lightbox/keys.toml"
    }

    public static func load(environment: [String: String]) throws -> KeyBindings {
        let file = path(environment: environment)
        guard FileManager.default.fileExists(atPath: file) else { return KeyBindings() }
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw KeyBindingsError(file: file, key: "", message: "cannot read the file as UTF-8 text")
        }
        return try KeyBindings.parse(text, file: file)
    }
}
