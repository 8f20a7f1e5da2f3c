/// A small TOML reader. Themes and key maps only need tables, dotted keys,
/// strings, numbers, booleans and arrays; a dependency that compiles a C++ TOML
/// library would cost minutes on every clean build for that.
public struct TOMLParser {
    private let chars: [Character]
    private let file: String
    private var pos = 0
    private var line = 1
    private var lineStart = 0
    /// Open arrays and inline tables. Bounded so that a hostile file cannot
    /// overflow the stack (the parser recurses once per level).
    private var depth = 0
    static let maximumNesting = 64

    public static func parse(_ text: String, file: String = "<toml>") throws -> [String: TOMLValue] {
        var p = TOMLParser(chars: Array(text), file: file)
        return try p.document()
    }

    private init(chars: [Character], file: String) { self.chars = chars; self.file = file }

    private func fail(_ message: String) -> TOMLError {
        TOMLError(file: file, line: line, column: pos - lineStart + 1, message: message)
    }

    private var atEnd: Bool { pos >= chars.count }
    private var peek: Character? { atEnd ? nil : chars[pos] }

    private mutating func advance() {
        if chars[pos] == "\n" { line += 1; lineStart = pos + 1 }
        pos += 1
    }

    private mutating func skipSpaces() { while let c = peek, c == " " || c == "\t" { advance() } }

    private mutating func skipComment() {
        if peek == "#" { while let c = peek, c != "\n" { advance() } }
    }

    /// Skips spaces, comments and newlines (inside arrays and between statements).
    private mutating func skipBlank() {
        while let c = peek {
            if c == " " || c == "\t" || c == "\n" || c == "\r\n" || c == "\r" { advance() }
            else if c == "#" { skipComment() }
            else { break }
        }
    }

    private mutating func endOfLine() throws {
        skipSpaces(); skipComment()
        guard let c = peek else { return }
        guard c == "\n" || c == "\r\n" || c == "\r" else { throw fail("expected end of line, found '\(c)'") }
        advance()
    }

    private mutating func document() throws -> [String: TOMLValue] {
        var root: [String: TOMLValue] = [:]
        var current: [String] = []
        var definedTables = Set<[String]>()
        while true {
            skipBlank()
            guard let c = peek else { break }
            if c == "[" {
                advance()
                if peek == "[" { throw fail("arrays of tables are not supported") }
                skipSpaces()
                let path = try keyPath()
                skipSpaces()
                guard peek == "]" else { throw fail("expected ']' to close the table header") }
                advance()
                if definedTables.contains(path) { throw fail("table [\(path.joined(separator: "."))] is defined twice") }
                definedTables.insert(path)
                try ensureTable(&root, path)
                current = path
                try endOfLine()
            } else {
                let path = try keyPath()
                skipSpaces()
                guard peek == "=" else { throw fail("expected '=' after key '\(path.joined(separator: "."))'") }
                advance(); skipSpaces()
                let v = try value()
                try insert(&root, current + path, v)
                try endOfLine()
            }
        }
        return root
    }

    private func ensureTable(_ root: inout [String: TOMLValue], _ path: [String]) throws {
        guard let first = path.first else { return }
        var sub = root[first]?.tableValue ?? [:]
        if let existing = root[first], existing.tableValue == nil {
            throw fail("key '\(first)' is already a value, not a table")
        }
        try ensureTable(&sub, Array(path.dropFirst()))
        root[first] = .table(sub)
    }

    private func insert(_ table: inout [String: TOMLValue], _ path: [String], _ v: TOMLValue) throws {
        let key = path[0]
        if path.count == 1 {
            if table[key] != nil { throw fail("key '\(key)' is defined twice") }
            table[key] = v
            return
        }
        var sub: [String: TOMLValue]
        if let existing = table[key] {
            guard let t = existing.tableValue else { throw fail("key '\(key)' is already a value, not a table") }
            sub = t
        } else { sub = [:] }
        try insert(&sub, Array(path.dropFirst()), v)
        table[key] = .table(sub)
    }

    private mutating func keyPath() throws -> [String] {
        var parts: [String] = [try key()]
        skipSpaces()
        while peek == "." {
            guard parts.count < Self.maximumNesting else {
                throw fail("dotted key has more than \(Self.maximumNesting) parts")
            }
            advance(); skipSpaces()
            parts.append(try key())
            skipSpaces()
        }
        return parts
    }

    private mutating func key() throws -> String {
        guard let c = peek else { throw fail("expected a key, found end of file") }
        if c == "\"" { return try basicString() }
        if c == "'" { return try literalString() }
        var s = ""
        while let c = peek, c.isLetter || c.isNumber || c == "_" || c == "-" { s.append(c); advance() }
        if s.isEmpty { throw fail("expected a key, found '\(c)'") }
        return s
    }

    private mutating func value() throws -> TOMLValue {
        guard let c = peek else { throw fail("expected a value, found end of file") }
        switch c {
        case "\"": return .string(try basicString())
        case "'": return .string(try literalString())
        case "[", "{":
            guard depth < Self.maximumNesting else {
                throw fail("arrays and inline tables nest more than \(Self.maximumNesting) levels deep")
            }
            depth += 1
            defer { depth -= 1 }
            return c == "[" ? try array() : try inlineTable()
        case "t", "f": return try boolean()
        default: return try number()
        }
    }

    private mutating func basicString() throws -> String {
        advance()
        var s = ""
        while true {
            guard let c = peek else { throw fail("unterminated string") }
            if c == "\n" { throw fail("unterminated string") }
            advance()
            if c == "\"" { return s }
            if c == "\\" {
                guard let e = peek else { throw fail("unterminated escape") }
                advance()
                switch e {
                case "n": s.append("\n")
                case "t": s.append("\t")
                case "r": s.append("\r")
                case "\\": s.append("\\")
                case "\"": s.append("\"")
                case "u", "U":
                    let n = e == "u" ? 4 : 8
                    var hex = ""
                    for _ in 0..<n {
                        guard let h = peek, h.isHexDigit else { throw fail("bad unicode escape") }
                        hex.append(h); advance()
                    }
                    guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                        throw fail("bad unicode escape \\\(e)\(hex)")
                    }
                    s.unicodeScalars.append(scalar)
                default: throw fail("unknown escape '\\\(e)'")
                }
            } else {
                s.append(c)
            }
        }
    }

    private mutating func literalString() throws -> String {
        advance()
        var s = ""
        while true {
            guard let c = peek, c != "\n" else { throw fail("unterminated string") }
            advance()
            if c == "'" { return s }
            s.append(c)
        }
    }

    private mutating func array() throws -> TOMLValue {
        advance()
        var items: [TOMLValue] = []
        while true {
            skipBlank()
            if peek == "]" { advance(); return .array(items) }
            items.append(try value())
            skipBlank()
            if peek == "," { advance(); continue }
            if peek == "]" { advance(); return .array(items) }
            throw fail("expected ',' or ']' in array")
        }
    }

    private mutating func inlineTable() throws -> TOMLValue {
        advance()
        var t: [String: TOMLValue] = [:]
        skipSpaces()
        if peek == "}" { advance(); return .table(t) }
        while true {
            skipSpaces()
            let path = try keyPath()
            skipSpaces()
            guard peek == "=" else { throw fail("expected '=' in inline table") }
            advance(); skipSpaces()
            try insert(&t, path, try value())
            skipSpaces()
            if peek == "," { advance(); continue }
            if peek == "}" { advance(); return .table(t) }
            throw fail("expected ',' or '}' in inline table")
        }
    }

    private mutating func boolean() throws -> TOMLValue {
        for (word, v) in [("true", true), ("false", false)] {
            let w = Array(word)
            if pos + w.count <= chars.count, Array(chars[pos..<pos + w.count]) == w {
                for _ in w { advance() }
                return .bool(v)
            }
        }
        throw fail("expected a value")
    }

    private mutating func number() throws -> TOMLValue {
        var s = ""
        while let c = peek, c.isNumber || c == "+" || c == "-" || c == "." || c == "_" || c == "e" || c == "E"
            || c == "x" || c.isHexDigit {
            s.append(c); advance()
        }
        if s.isEmpty { throw fail("expected a value, found '\(peek.map(String.init) ?? "end of file")'") }
        let clean = s.replacingOccurrences(of: "_", with: "")
        if clean.hasPrefix("0x"), let i = Int(clean.dropFirst(2), radix: 16) { return .integer(i) }
        if let i = Int(clean) { return .integer(i) }
        if let d = Double(clean), d.isFinite { return .float(d) }
        throw fail("'\(s)' is not a number")
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
