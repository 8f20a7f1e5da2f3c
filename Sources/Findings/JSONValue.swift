/// Free-form JSON kept as read, for card sections Lightbox shows but does not interpret
/// (training, validation).
public indirect enum JSONValue: Codable, Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n): try c.encode(n)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    /// One line per leaf, `key.sub: value`, keys sorted: how `models show` prints it.
    public func flattened(prefix: String = "") -> [String] {
        switch self {
        case .object(let o):
            return o.keys.sorted().flatMap { o[$0]!.flattened(prefix: prefix.isEmpty ? $0 : "\(prefix).\($0)") }
        case .array(let a) where a.contains(where: { if case .object = $0 { return true } else { return false } }):
            return a.enumerated().flatMap { $0.element.flattened(prefix: "\(prefix)[\($0.offset)]") }
        default:
            return ["\(prefix): \(scalarText)"]
        }
    }

    var scalarText: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .string(let s): return s
        case .array(let a): return "[" + a.map(\.scalarText).joined(separator: ", ") + "]"
        case .object: return "{…}"
        }
    }
}
