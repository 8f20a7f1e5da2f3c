/// A value from the TOML subset Lightbox reads (themes, key maps): strings,
/// integers, floats, booleans, arrays and tables. Dates are not supported.
public indirect enum TOMLValue: Equatable, Sendable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    case array([TOMLValue])
    case table([String: TOMLValue])

    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    public var tableValue: [String: TOMLValue]? { if case .table(let t) = self { return t }; return nil }
    public var doubleValue: Double? {
        switch self {
        case .float(let d): return d
        case .integer(let i): return Double(i)
        default: return nil
        }
    }
}
