/// The one place Lightbox quotes CSV (RFC 4180): every CSV file it writes goes
/// through `line`, so an id with a comma, a quote or a line break cannot shift
/// the columns a peer's reader (R's read.csv, MRMCaov, Lightbox's own
/// `CSVTable`) sees. Lines end in LF, not RFC 4180's CRLF: every reader we
/// target takes both, and LF keeps `diff` and `git` quiet.
public enum CSVField {
    /// The field as written: unchanged when it is safe bare, otherwise in
    /// double quotes with inner quotes doubled. Leading or trailing spaces are
    /// quoted too, because many readers (Lightbox's included) trim bare fields.
    public static func quoted(_ value: String) -> String {
        guard needsQuotes(value) else { return value }
        var out = "\""
        for c in value.unicodeScalars {
            if c == "\"" { out.unicodeScalars.append("\"") }
            out.unicodeScalars.append(c)
        }
        return out + "\""
    }

    /// One record, without the line terminator.
    public static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",")
    }

    static func needsQuotes(_ value: String) -> Bool {
        if let first = value.unicodeScalars.first, first == " " || first == "\t" { return true }
        if let last = value.unicodeScalars.last, last == " " || last == "\t" { return true }
        return value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
    }
}
