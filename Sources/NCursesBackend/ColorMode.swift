/// How many colours the terminal can show, which decides how image pixels
/// are drawn: exact 24-bit grey, the 24-step grey ramp, or characters.
public enum ColorMode: String, Sendable {
    case truecolor
    case palette256
    case basic

    /// Truecolor needs the terminal to say so ($COLORTERM), as terminfo rarely does.
    public static func detect(environment: [String: String], colors: Int) -> ColorMode {
        let ct = (environment["COLORTERM"] ?? "").lowercased()
        if ct == "truecolor" || ct == "24bit" { return .truecolor }
        if colors >= 256 { return .palette256 }
        return .basic
    }
}
