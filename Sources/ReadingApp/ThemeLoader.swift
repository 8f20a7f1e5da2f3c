import Foundation
import TerminalUI

/// Finds a theme by name: the user's folder first
/// (`$XDG_CONFIG_HOME/lightbox/themes/NAME.toml`, else `~/.config/...`), then
/// the built-in ones. A path ending in `.toml` is read as is.
public enum ThemeLoader {
    public static func userDirectory(environment: [String: String]) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        return base + "/lightbox/themes"
    }

    public static func load(_ name: String, environment: [String: String]) throws -> Theme {
        let candidates = name.hasSuffix(".toml") ? [name] : [userDirectory(environment: environment) + "/\(name).toml"]
        for path in candidates where FileManager.default.fileExists(atPath: path) {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw ThemeError(file: path, key: "", message: "cannot read the file as UTF-8 text")
            }
            return try Theme.parse(text, file: path)
        }
        if name.hasSuffix(".toml") { throw ThemeError(file: name, key: "", message: "file does not exist") }
        // Name what the user typed, not a file they never mentioned.
        guard Theme.builtinNames.contains(name) else {
            throw ThemeError(file: "--theme \(name)", key: "",
                             message: "no such theme (built in: \(Theme.builtinNames.joined(separator: ", ")); yours go in \(candidates[0]))")
        }
        return try Theme.builtin(name)
    }
}
