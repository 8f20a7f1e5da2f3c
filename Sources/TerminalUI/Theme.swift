import Common

/// Styles by role, read from a TOML theme file:
///
///     name = "dark"
///     [roles]
///     title = { fg = 117, bold = true }
///     selection = { fg = "#000000", bg = "#5fafff" }
///
/// Colours are "default", an xterm-256 index, or "#rrggbb". Roles a theme leaves
/// out fall back to `normal`.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [Role: Style]

    public init(name: String, styles: [Role: Style]) { self.name = name; self.styles = styles }

    public func style(_ role: Role) -> Style { styles[role] ?? styles[.normal] ?? .plain }

    public static func parse(_ text: String, file: String) throws -> Theme {
        let doc: [String: TOMLValue]
        do { doc = try TOMLParser.parse(text, file: file) } catch let e as TOMLError {
            throw ThemeError(file: e.coordinates, key: "", message: e.message)
        }
        for key in doc.keys where !["name", "description", "roles"].contains(key) {
            throw ThemeError(file: file, key: key, message: "unknown key (expected name, description, roles)")
        }
        guard let name = doc["name"]?.stringValue, !name.isEmpty else {
            throw ThemeError(file: file, key: "name", message: "missing theme name")
        }
        guard let roles = doc["roles"]?.tableValue else {
            throw ThemeError(file: file, key: "roles", message: "missing [roles] table")
        }
        var styles: [Role: Style] = [:]
        for (roleName, value) in roles {
            guard let role = Role(rawValue: roleName) else {
                throw ThemeError(file: file, key: "roles.\(roleName)", message: "unknown role")
            }
            guard let table = value.tableValue else {
                throw ThemeError(file: file, key: "roles.\(roleName)", message: "expected a table such as { fg = 15 }")
            }
            styles[role] = try style(table, key: "roles.\(roleName)", file: file)
        }
        return Theme(name: name, styles: styles)
    }

    private static func style(_ t: [String: TOMLValue], key: String, file: String) throws -> Style {
        var s = Style()
        for (k, v) in t {
            let path = "\(key).\(k)"
            switch k {
            case "fg": s.fg = try color(v, key: path, file: file)
            case "bg": s.bg = try color(v, key: path, file: file)
            case "bold", "reverse", "underline", "dim":
                guard case .bool(let b) = v else {
                    throw ThemeError(file: file, key: path, message: "expected true or false, found \(describe(v))")
                }
                switch k {
                case "bold": s.bold = b
                case "reverse": s.reverse = b
                case "underline": s.underline = b
                default: s.dim = b
                }
            default:
                throw ThemeError(file: file, key: path, message: "unknown attribute (expected fg, bg, bold, reverse, underline, dim)")
            }
        }
        return s
    }

    static func color(_ v: TOMLValue, key: String, file: String) throws -> Color {
        switch v {
        case .integer(let i):
            guard (0...255).contains(i) else {
                throw ThemeError(file: file, key: key, message: "colour index \(i) is outside 0…255")
            }
            return .indexed(UInt8(i))
        case .string(let s):
            if s == "default" { return .default }
            let hex = Array(s.utf8)
            // every digit checked: UInt32(_:radix:) alone also accepts "+fffff" and "-00000"
            if hex.count == 7, hex[0] == UInt8(ascii: "#"), hex.dropFirst().allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }),
               let n = UInt32(String(s.dropFirst()), radix: 16) {
                return .rgb(UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff))
            }
            throw ThemeError(file: file, key: key, message: "colour \"\(s)\" is not \"default\", 0…255 or \"#rrggbb\"")
        default:
            throw ThemeError(file: file, key: key, message: "expected a colour, found \(describe(v))")
        }
    }

    private static func describe(_ v: TOMLValue) -> String {
        switch v {
        case .string(let s): return "\"\(s)\""
        case .integer(let i): return String(i)
        case .float(let d): return String(d)
        case .bool(let b): return String(b)
        case .array: return "an array"
        case .table: return "a table"
        }
    }
}
