/// A small CSV reader for the analysis inputs: RFC 4180 quoting, comma separator, first
/// non-empty row is the header, spaces around bare fields trimmed (quoted fields are kept as
/// written, so what `Common.CSVField` writes reads back unchanged), blank lines skipped. Every cell
/// remembers its 1-based line and column so errors can point at it. The CLI reads the file; this
/// type only parses text.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        public let line: Int
        public let fields: [String]
    }

    /// The name used in error coordinates (usually the file path as given).
    public let source: String
    public let header: [String]
    public let headerLine: Int
    public let rows: [Row]

    /// `header`: when given, the text has no header row and every row is data.
    public init(text: String, source: String, header givenHeader: [String]? = nil) throws {
        self.source = source
        var parsed: [Row] = []
        // `quoted`: the field opened with a quote, so its content is kept verbatim (an id
        // may begin or end with a space) and only blanks outside the quotes are dropped.
        var field = "", fields: [String] = [], inQuotes = false, quoted = false
        var line = 1, rowLine = 1
        var chars = Array(text.unicodeScalars)[...]
        if chars.first == "\u{FEFF}" { chars.removeFirst() }  // byte-order mark written by spreadsheet exports
        func endField() {
            fields.append(quoted ? field : field.trimmingCharacters())
            field = ""; quoted = false
        }
        func endRow() {
            endField()
            if !(fields.count == 1 && fields[0].trimmingCharacters().isEmpty) {
                parsed.append(Row(line: rowLine, fields: fields))
            }
            fields = []
        }
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" { chars.removeFirst(); field.unicodeScalars.append("\"") } else { inQuotes = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                if !quoted && field.trimmingCharacters().isEmpty { field = ""; quoted = true }
                inQuotes = true
            } else if c == "," {
                endField()
            } else if c == "\n" || c == "\r" {
                if c == "\r" && chars.first == "\n" { chars.removeFirst() }
                endRow()
                line += 1
                rowLine = line
            } else if quoted && (c == " " || c == "\t") {
                continue  // blanks between the closing quote and the comma
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw StatisticsError.input(source: source, line: rowLine, "unterminated quoted field") }
        if !field.isEmpty || !fields.isEmpty || quoted { endRow() }
        if let givenHeader {
            header = givenHeader
            headerLine = 0
            rows = parsed
            return
        }
        guard let first = parsed.first else { throw StatisticsError.input(source: source, line: 1, "the file is empty") }
        header = first.fields
        headerLine = first.line
        rows = Array(parsed.dropFirst())
    }

    /// Index of the first header naming one of `names` (case-insensitive), or nil.
    public func column(_ names: String...) -> Int? {
        let lowered = header.map { $0.lowercased() }
        for n in names { if let i = lowered.firstIndex(of: n.lowercased()) { return i } }
        return nil
    }

    /// Like `column` but throws, naming the header line and what was expected.
    public func requireColumn(_ names: String...) throws -> Int {
        let lowered = header.map { $0.lowercased() }
        for n in names { if let i = lowered.firstIndex(of: n.lowercased()) { return i } }
        throw StatisticsError.input(source: source, line: headerLine,
                                    "missing column \"\(names[0])\" in header (found: \(header.joined(separator: ", ")))")
    }

    /// The text of a cell, or an error naming line, column and header when the row is short.
    public func cell(_ row: Row, _ column: Int) throws -> String {
        guard column < row.fields.count else {
            throw StatisticsError.input(source: source, line: row.line, column: column + 1, name: header[column],
                                        "the row has \(row.fields.count) fields, the header \(header.count)")
        }
        return row.fields[column]
    }

    /// A numeric cell.
    public func number(_ row: Row, _ column: Int, what: String = "a number") throws -> Double {
        let text = try cell(row, column)
        guard let v = Double(text), v.isFinite else {
            throw StatisticsError.input(source: source, line: row.line, column: column + 1, name: header[column],
                                        text.isEmpty ? "empty cell, expected \(what)" : "\"\(text.prefix(20))\" is not \(what)")
        }
        return v
    }

    /// A 0/1 truth cell (also accepts true/false).
    public func truth(_ row: Row, _ column: Int) throws -> Bool {
        let text = try cell(row, column).lowercased()
        switch text {
        case "1", "1.0", "true": return true
        case "0", "0.0", "false": return false
        default:
            throw StatisticsError.input(source: source, line: row.line, column: column + 1, name: header[column],
                                        text.isEmpty ? "empty truth cell, expected 0 or 1" : "truth must be 0 or 1, found \"\(text.prefix(20))\"")
        }
    }
}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
