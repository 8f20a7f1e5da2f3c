/// Walks element headers and records value ranges; sequences recurse. Every
/// length is checked against the bytes that remain before it is used.
struct DataSetParser {
    let file: String
    let buffer: [UInt8]
    let explicit: Bool
    let little: Bool
    let stopAtPixelData: Bool
    private(set) var stopped = false
    private var depth = 0

    /// Nesting beyond this is a hostile or broken file, not a real one.
    static let maximumDepth = 64

    init(file: String, buffer: [UInt8], explicit: Bool, little: Bool, stopAtPixelData: Bool) {
        self.file = file
        self.buffer = buffer
        self.explicit = explicit
        self.little = little
        self.stopAtPixelData = stopAtPixelData
    }

    private func fail(_ tag: Tag?, _ offset: Int, _ problem: String) -> DICOMError {
        .malformed(file: file, tag: tag, offset: offset, problem: problem)
    }

    @inline(__always) func u16(_ i: Int, little: Bool) -> UInt16 {
        little ? UInt16(buffer[i]) | UInt16(buffer[i + 1]) << 8 : UInt16(buffer[i]) << 8 | UInt16(buffer[i + 1])
    }

    @inline(__always) func u32(_ i: Int, little: Bool) -> UInt32 {
        little
            ? UInt32(buffer[i]) | UInt32(buffer[i + 1]) << 8 | UInt32(buffer[i + 2]) << 16 | UInt32(buffer[i + 3]) << 24
            : UInt32(buffer[i]) << 24 | UInt32(buffer[i + 1]) << 16 | UInt32(buffer[i + 2]) << 8 | UInt32(buffer[i + 3])
    }

    /// Elements from `cursor` up to `end`, or while the group equals `whileGroup`,
    /// or until an item delimiter when `inItem` is true.
    mutating func parseElements(from cursor: inout Int, end: Int, whileGroup: UInt16?, inItem: Bool = false,
                                explicit explicitOverride: Bool? = nil, little littleOverride: Bool? = nil) throws -> DataSet {
        let explicit = explicitOverride ?? self.explicit
        let little = littleOverride ?? self.little
        var set = DataSet(file: file, buffer: buffer, isLittleEndian: little)
        while cursor < end {
            let start = cursor
            if end - cursor < 8 {
                // Trailing zero padding after the last element is tolerated.
                if !inItem && depth == 0 && buffer[cursor..<end].allSatisfy({ $0 == 0 }) { cursor = end; break }
                throw fail(nil, start, "truncated element header (\(end - cursor) bytes left)")
            }
            let tag = Tag(u16(cursor, little: little), u16(cursor + 2, little: little))
            if let g = whileGroup, tag.group != g { break }
            if tag == .itemDelimitation {
                guard inItem else { throw fail(tag, start, "item delimiter outside an item") }
                cursor += 8
                return set
            }
            if tag == .sequenceDelimitation || tag == .item {
                throw fail(tag, start, "\(tag == .item ? "item" : "sequence delimiter") tag outside a sequence")
            }
            if stopAtPixelData && depth == 0 && tag == .pixelData {
                stopped = true
                break
            }
            var vr: VR
            var length: UInt32
            if explicit {
                guard let v = VR(bytes: buffer[cursor + 4], buffer[cursor + 5]) else {
                    let code = String(decoding: buffer[(cursor + 4)..<(cursor + 6)].map { (0x20...0x7E).contains($0) ? $0 : 0x3F }, as: UTF8.self)
                    throw fail(tag, start, "unknown VR \"\(code)\" in an explicit VR data set")
                }
                vr = v
                if vr.hasLongLength {
                    guard end - cursor >= 12 else { throw fail(tag, start, "truncated element header") }
                    length = u32(cursor + 8, little: little)
                    cursor += 12
                } else {
                    length = UInt32(u16(cursor + 6, little: little))
                    cursor += 8
                }
            } else {
                vr = DataDictionary.implicitVR(for: tag)
                length = u32(cursor + 4, little: little)
                cursor += 8
            }

            let element: DataElement
            if length == DataElement.undefinedLength {
                if tag == .pixelData && vr != .SQ {
                    element = try parseFragments(tag: tag, vr: vr, start: start, cursor: &cursor, end: end, little: little)
                } else if vr == .SQ || vr == .UN || !explicit {
                    // UN of undefined length is a sequence in implicit VR little endian (PS3.5 6.2.2).
                    let implicitItems = vr == .UN
                    let items = try parseSequence(tag: tag, cursor: &cursor, end: end, undefined: true,
                                                  explicit: implicitItems ? false : explicit, little: implicitItems ? true : little)
                    element = DataElement(tag: tag, vr: .SQ, offset: start, length: length, valueRange: cursor..<cursor, content: .sequence(items))
                } else {
                    throw fail(tag, start, "undefined length is not allowed for VR \(vr)")
                }
            } else {
                let n = Int(length)
                guard n <= end - cursor else {
                    throw fail(tag, start, "value length \(n) runs past the end of the data (\(end - cursor) bytes left)")
                }
                if vr == .SQ {
                    var inner = cursor
                    let items = try parseSequence(tag: tag, cursor: &inner, end: cursor + n, undefined: false, explicit: explicit, little: little)
                    element = DataElement(tag: tag, vr: .SQ, offset: start, length: length, valueRange: cursor..<(cursor + n), content: .sequence(items))
                } else {
                    element = DataElement(tag: tag, vr: vr, offset: start, length: length, valueRange: cursor..<(cursor + n), content: .bytes)
                }
                cursor += n
            }
            set.append(element)
        }
        if inItem { throw fail(nil, cursor, "item of undefined length has no item delimiter (truncated)") }
        return set
    }

    private mutating func parseSequence(tag: Tag, cursor: inout Int, end: Int, undefined: Bool,
                                        explicit: Bool, little: Bool) throws -> [DataSet] {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw fail(tag, cursor, "sequences nested deeper than \(Self.maximumDepth)") }
        var items: [DataSet] = []
        while true {
            if !undefined && cursor >= end { break }
            guard end - cursor >= 8 else {
                throw fail(tag, cursor, undefined ? "sequence has no delimiter (truncated)" : "truncated item header in sequence")
            }
            let itemTag = Tag(u16(cursor, little: little), u16(cursor + 2, little: little))
            let itemLength = u32(cursor + 4, little: little)
            let itemStart = cursor
            cursor += 8
            if itemTag == .sequenceDelimitation {
                guard undefined else { throw fail(tag, itemStart, "sequence delimiter in a sequence of defined length") }
                break
            }
            guard itemTag == .item else { throw fail(tag, itemStart, "expected an item tag (FFFE,E000), found \(itemTag)") }
            if itemLength == DataElement.undefinedLength {
                items.append(try parseElements(from: &cursor, end: end, whileGroup: nil, inItem: true, explicit: explicit, little: little))
            } else {
                let n = Int(itemLength)
                guard n <= end - cursor else {
                    throw fail(tag, itemStart, "item length \(n) runs past the end of its sequence (\(end - cursor) bytes left)")
                }
                var inner = cursor
                items.append(try parseElements(from: &inner, end: cursor + n, whileGroup: nil, inItem: false, explicit: explicit, little: little))
                cursor += n
            }
        }
        return items
    }

    private func parseFragments(tag: Tag, vr: VR, start: Int, cursor: inout Int, end: Int, little: Bool) throws -> DataElement {
        var ranges: [Range<Int>] = []
        let valueStart = cursor
        while true {
            guard end - cursor >= 8 else { throw fail(tag, cursor, "encapsulated pixel data has no sequence delimiter (truncated)") }
            let itemTag = Tag(u16(cursor, little: little), u16(cursor + 2, little: little))
            let n = Int(u32(cursor + 4, little: little))
            let itemStart = cursor
            cursor += 8
            if itemTag == .sequenceDelimitation { break }
            guard itemTag == .item else { throw fail(tag, itemStart, "expected a fragment item (FFFE,E000), found \(itemTag)") }
            guard n <= end - cursor else {
                throw fail(tag, itemStart, "fragment length \(n) runs past the end of the data (\(end - cursor) bytes left)")
            }
            ranges.append(cursor..<(cursor + n))
            cursor += n
        }
        guard let table = ranges.first else { throw fail(tag, start, "encapsulated pixel data has no Basic Offset Table item") }
        return DataElement(tag: tag, vr: vr, offset: start, length: DataElement.undefinedLength, valueRange: valueStart..<cursor,
                           content: .fragments(offsetTable: table, fragments: Array(ranges.dropFirst())))
    }
}
