/// Keywords and VRs of standard tags, for implicit VR parsing and for dumps.
public enum DataDictionary {
    public struct Entry: Sendable {
        public let vr: VR?
        public let keyword: String
    }

    private struct Tables: Sendable {
        var exact: [UInt32: Entry] = [:]
        /// Repeating groups such as 60xx,3000: (mask of fixed digits, value, entry).
        var masked: [(mask: UInt32, value: UInt32, entry: Entry)] = []
    }

    private static let tables: Tables = {
        var t = Tables()
        for line in table.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 3 else { continue }
            let entry = Entry(vr: VR(rawValue: String(parts[1])), keyword: String(parts[2]))
            let key = parts[0]
            if let tag = UInt32(key, radix: 16) {
                t.exact[tag] = entry
            } else {
                var mask: UInt32 = 0, value: UInt32 = 0
                for ch in key {
                    mask <<= 4; value <<= 4
                    if let d = ch.hexDigitValue { mask |= 0xF; value |= UInt32(d) }
                }
                t.masked.append((mask, value, entry))
            }
        }
        return t
    }()

    public static func entry(for tag: Tag) -> Entry? {
        if let e = tables.exact[tag.raw] { return e }
        return tables.masked.first { tag.raw & $0.mask == $0.value }?.entry
    }

    public static func keyword(for tag: Tag) -> String? {
        if let known = tables.exact[tag.raw] { return known.keyword }
        if tag.isGroupLength { return "GroupLength" }
        if tag.isPrivate { return tag.element >= 0x0010 && tag.element <= 0x00FF ? "PrivateCreator" : nil }
        return entry(for: tag)?.keyword
    }

    /// VR to assume in implicit VR data sets: the dictionary's, UL for group lengths,
    /// LO for private creators, UN for anything unknown.
    public static func implicitVR(for tag: Tag) -> VR {
        if tag.isGroupLength { return .UL }
        if tag.isPrivate { return tag.element >= 0x0010 && tag.element <= 0x00FF ? .LO : .UN }
        return entry(for: tag)?.vr ?? .UN
    }

    /// Looks a keyword up (slow path: for tests and tools, not for parsing).
    public static func tag(forKeyword keyword: String) -> Tag? {
        tables.exact.first { $0.value.keyword == keyword }.map { Tag(raw: $0.key) }
    }
}
