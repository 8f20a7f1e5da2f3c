/// The one place that turns errors into the text users see: a single line,
/// "coordinates: problem". Unknown errors keep their description but are
/// flattened to one line so a status bar or terminal never scrolls.
public enum UserMessage {
    public static func text(for error: any Error) -> String {
        let raw: String
        if let e = error as? any UserFacingError {
            raw = e.coordinates.isEmpty ? e.problem : "\(e.coordinates): \(e.problem)"
        } else {
            raw = String(describing: error)
        }
        return oneLine(raw)
    }

    public static func oneLine(_ s: String) -> String {
        var out = ""
        var lastWasSpace = false
        for ch in s {
            if ch.isNewline || ch == "\t" {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else if ch.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                // Messages quote file content (a DICOM value, a TOML key): an ESC or
                // other control byte must not reach the terminal, where it would act.
                for scalar in ch.unicodeScalars {
                    if scalar.properties.generalCategory == .control {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\x" + (hex.count < 2 ? "0" : "") + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
                lastWasSpace = false
            } else {
                out.append(ch)
                lastWasSpace = ch == " "
            }
        }
        return out.trimmingSpaces()
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
