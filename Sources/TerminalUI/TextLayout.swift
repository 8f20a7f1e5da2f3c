/// Text helpers for fixed-width columns.
public enum TextLayout {
    /// Pads or truncates to exactly `width` cells; truncation ends with "…".
    public static func fit(_ s: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        let scalars = Array(s.unicodeScalars)
        if scalars.count <= width {
            return s + String(repeating: " ", count: width - scalars.count)
        }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars.prefix(width - 1))
        v.append("…")
        return String(v)
    }

    /// Right-aligns within `width` cells.
    public static func right(_ s: String, _ width: Int) -> String {
        let n = s.unicodeScalars.count
        return n >= width ? fit(s, width) : String(repeating: " ", count: width - n) + s
    }

    /// Greedy word wrap to `width` cells.
    public static func wrap(_ s: String, _ width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        for word in s.split(separator: " ", omittingEmptySubsequences: true) {
            let w = String(word)
            if current.isEmpty { current = w }
            else if current.unicodeScalars.count + 1 + w.unicodeScalars.count <= width { current += " " + w }
            else { lines.append(current); current = w }
            while current.unicodeScalars.count > width {
                lines.append(String(String.UnicodeScalarView(current.unicodeScalars.prefix(width))))
                current = String(String.UnicodeScalarView(current.unicodeScalars.dropFirst(width)))
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
