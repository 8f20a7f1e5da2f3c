/// Text form of a data set for `lightbox dicom dump`: one line per element,
/// "tag VR keyword value", items and their elements indented two spaces per level.
/// Values of `Tag.identifying` attributes are replaced by their length.
public enum DicomDump {
    public static let maximumValueLength = 96

    public static func lines(_ ds: DataSet, depth: Int, into out: inout [String]) {
        let indent = String(repeating: "  ", count: depth)
        for element in ds.elements {
            let keyword = DataDictionary.keyword(for: element.tag) ?? "Unknown"
            let head = "\(indent)\(element.tag) \(element.vr.rawValue) \(keyword)"
            // Identifying attributes are never printed, only that they are there (privacy, issue 9).
            if Tag.identifying.contains(element.tag) {
                switch element.content {
                case let .sequence(items): out.append("\(head) <sequence of \(items.count) item\(items.count == 1 ? "" : "s"), identifying: not shown>")
                default: out.append("\(head) \(element.valueRange.isEmpty ? "(empty)" : "<identifying: \(element.valueRange.count) bytes not shown>")")
                }
                continue
            }
            switch element.content {
            case let .sequence(items):
                out.append("\(head) <sequence of \(items.count) item\(items.count == 1 ? "" : "s")>")
                for (i, item) in items.enumerated() {
                    out.append("\(indent)  \(Tag.item) item \(i + 1)")
                    lines(item, depth: depth + 2, into: &out)
                }
            case let .fragments(_, fragments):
                let bytes = fragments.reduce(0) { $0 + $1.count }
                out.append("\(head) <encapsulated pixel data: \(fragments.count) fragment\(fragments.count == 1 ? "" : "s"), \(bytes) bytes>")
            case .bytes:
                out.append("\(head) \(value(element, in: ds))")
            }
        }
    }

    public static func value(_ element: DataElement, in ds: DataSet) -> String {
        let count = element.valueRange.count
        if element.tag == .pixelData { return "<pixel data: \(count) bytes>" }
        if count == 0 { return "(empty)" }
        let text: String
        if element.vr.isText {
            text = "[" + (ds.strings(element.tag) ?? []).joined(separator: "\\") + "]"
        } else {
            switch element.vr {
            case .US, .SS, .UL, .SL, .SV, .UV:
                text = (try? ds.ints(element.tag))?.map(String.init).joined(separator: "\\") ?? "<\(count) bytes, malformed>"
            case .FL, .FD:
                text = (try? ds.doubles(element.tag))?.map { "\($0)" }.joined(separator: "\\") ?? "<\(count) bytes, malformed>"
            case .AT:
                if let raw = try? ds.binary(element, size: 2) {
                    var tags: [String] = []
                    var i = 0
                    while i + 1 < raw.count { tags.append(Tag(UInt16(raw[i]), UInt16(raw[i + 1])).description); i += 2 }
                    text = tags.joined(separator: "\\")
                } else {
                    text = "<\(count) bytes, malformed>"
                }
            default:
                let head = ds.valueBytes(element).prefix(8).map { hex2($0) }.joined(separator: " ")
                text = "<\(count) bytes: \(head)\(count > 8 ? " …" : "")>"
            }
        }
        return text.count > maximumValueLength ? String(text.prefix(maximumValueLength)) + "…" : text
    }

    private static func hex2(_ b: UInt8) -> String {
        let s = String(b, radix: 16)
        return s.count == 1 ? "0" + s : s
    }
}
