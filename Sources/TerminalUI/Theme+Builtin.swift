extension Theme {
    public static let defaultName = "dark"

    public static var builtinNames: [String] { BuiltinThemes.sources.keys.sorted() }

    /// A theme shipped with Lightbox, parsed from its compiled-in source.
    public static func builtin(_ name: String) throws -> Theme {
        guard let source = BuiltinThemes.sources[name] else {
            throw ThemeError(file: "\(name).toml", key: "",
                             message: "no such theme (built in: \(builtinNames.joined(separator: ", ")))")
        }
        return try parse(source, file: "Themes/\(name).toml")
    }
}
