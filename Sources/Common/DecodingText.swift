/// How JSON decoding problems are named to users, shared by every reader of
/// Lightbox's JSON files (study.json, card.json): a field path such as
/// `series[0].images[1]` and the expected kind of value in plain words.
public enum DecodingText {
    public static func fieldPath(_ keys: [any CodingKey]) -> String {
        var s = ""
        for k in keys {
            if let i = k.intValue { s += "[\(i)]" } else { s += s.isEmpty ? k.stringValue : "." + k.stringValue }
        }
        return s
    }

    public static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "a whole number"
        case is Double.Type, is Float.Type: return "a number"
        case is Bool.Type: return "true or false"
        default: return String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }
}
