import Common

/// A `keys.toml` that cannot be used: names the file, the action (TOML key) and the value.
public struct KeyBindingsError: UserFacingError, Equatable {
    public let file: String
    public let key: String
    public let message: String

    public init(file: String, key: String, message: String) {
        self.file = file; self.key = key; self.message = message
    }

    public var coordinates: String { key.isEmpty ? file : "\(file): \(key)" }
    public var problem: String { message }
}
