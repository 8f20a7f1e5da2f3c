import Common
import TerminalUI

extension KeyBindings {
    /// Reads `keys.toml`: one line per action, `accept = "y"` or `zoom-in = ["+", "="]`
    /// (`[]` unbinds). Every problem names the file, the action and the value.
    public static func parse(_ text: String, file: String) throws(KeyBindingsError) -> KeyBindings {
        let doc: [String: TOMLValue]
        do { doc = try TOMLParser.parse(text, file: file) } catch let e as TOMLError {
            throw KeyBindingsError(file: e.coordinates, key: "", message: e.message)
        } catch {
            throw KeyBindingsError(file: file, key: "", message: UserMessage.text(for: error))
        }
        var bindings = KeyBindings()
        // Sorted, so the first problem reported does not depend on dictionary order.
        for (name, value) in doc.sorted(by: { $0.key < $1.key }) {
            guard byName[name] != nil else {
                throw KeyBindingsError(file: file, key: name,
                                       message: "unknown action (value \(describe(value))); actions: \(catalog.map(\.name).joined(separator: ", "))")
            }
            let names: [TOMLValue]
            switch value {
            case .string: names = [value]
            case .array(let items): names = items
            default:
                throw KeyBindingsError(file: file, key: name, message: "expected a key name or a list of key names, found \(describe(value))")
            }
            var keys: [Key] = []
            for item in names {
                guard let text = item.stringValue else {
                    throw KeyBindingsError(file: file, key: name, message: "expected a key name, found \(describe(item))")
                }
                guard let key = KeyName.parse(text) else {
                    throw KeyBindingsError(file: file, key: name, message: "unknown key name \(describe(item)) (expected \(KeyName.expected))")
                }
                keys.append(key)
            }
            try bindings.bind(name, to: keys, file: file)
        }
        return bindings
    }

    static func describe(_ v: TOMLValue) -> String {
        switch v {
        case .string(let s): return "\"\(s)\""
        case .integer(let i): return String(i)
        case .float(let d): return String(d)
        case .bool(let b): return String(b)
        case .array(let a): return "[" + a.map(describe).joined(separator: ", ") + "]"
        case .table: return "a table"
        }
    }
}
