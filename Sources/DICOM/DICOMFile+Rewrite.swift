/// Writing a copy of a file with some top-level text values replaced (pseudonymisation
/// on import). Everything else is copied byte for byte; deflated files are written
/// back inflated, as Explicit VR Little Endian, since we carry no deflate encoder.
extension DICOMFile {
    /// `removing`: top-level elements dropped whole, header and value (sequences
    /// included), for attributes that cannot be blanked as text.
    public func rewritten(replacing replacements: [Tag: String], removing removals: Set<Tag> = []) throws -> [UInt8] {
        let ds = dataSet
        let top = ds.elements
        // Splice from the end so that earlier offsets stay valid.
        let targets = replacements.compactMap { tag, value in ds[tag].map { ($0, value) } }
        let drops = top.indices.filter { removals.contains(top[$0].tag) && replacements[top[$0].tag] == nil }
            .map { i in (element: top[i], end: i + 1 < top.count ? top[i + 1].offset : ds.buffer.count) }
        var body = ds.buffer
        var edits: [(offset: Int, apply: (inout [UInt8]) throws -> Void)] = []
        for drop in drops {
            edits.append((drop.element.offset, { $0.removeSubrange(drop.element.offset..<drop.end) }))
        }
        for (element, value) in targets {
            edits.append((element.offset, { body in
                guard case .bytes = element.content, element.vr.isText else {
                    throw DICOMError.invalidValue(file: file, tag: element.tag, offset: element.offset, problem: "only text values can be replaced")
                }
                var bytes = Array(value.utf8)
                if bytes.count % 2 == 1 { bytes.append(element.vr == .UI ? 0 : 0x20) }
                let explicitShort = transferSyntax.isExplicitVR && !element.vr.hasLongLength
                guard !explicitShort || bytes.count <= 0xFFFF else {
                    throw DICOMError.invalidValue(file: file, tag: element.tag, offset: element.offset, problem: "replacement is too long")
                }
                let little = ds.isLittleEndian
                var header = Array(body[element.offset..<element.valueRange.lowerBound])
                let lengthAt = explicitShort ? 6 : (transferSyntax.isExplicitVR ? 8 : 4)
                let width = explicitShort ? 2 : 4
                for k in 0..<width {
                    let shift = 8 * (little ? k : width - 1 - k)
                    header[lengthAt + k] = UInt8(truncatingIfNeeded: bytes.count >> shift)
                }
                body.replaceSubrange(element.offset..<element.valueRange.upperBound, with: header + bytes)
            }))
        }
        for edit in edits.sorted(by: { $0.offset > $1.offset }) { try edit.apply(&body) }
        guard transferSyntax.isDeflated else { return body }
        return try inflatedFile(dataSet: body)
    }

    /// Preamble, a file meta group naming Explicit VR Little Endian, then the data set.
    private func inflatedFile(dataSet: [UInt8]) throws -> [UInt8] {
        var group: [UInt8] = []
        func element(_ tag: Tag, _ vr: String, _ value: [UInt8]) {
            group += [UInt8(tag.group & 0xFF), UInt8(tag.group >> 8), UInt8(tag.element & 0xFF), UInt8(tag.element >> 8)]
            group += Array(vr.utf8)
            if VR(rawValue: vr)?.hasLongLength == true {
                group += [0, 0] + (0..<4).map { UInt8(truncatingIfNeeded: value.count >> (8 * $0)) }
            } else {
                group += [UInt8(value.count & 0xFF), UInt8(value.count >> 8)]
            }
            group += value
        }
        for e in meta.elements where e.tag != Tag(0x0002, 0x0000) {
            if e.tag == .transferSyntaxUID {
                element(e.tag, "UI", Array(TransferSyntax.explicitVRLittleEndian.uid.utf8) + [0])
            } else {
                group += meta.buffer[e.offset..<e.valueRange.upperBound]
            }
        }
        var out = [UInt8](repeating: 0, count: 128) + Array("DICM".utf8)
        out += [0x02, 0x00, 0x00, 0x00] + Array("UL".utf8) + [4, 0]
        out += (0..<4).map { UInt8(truncatingIfNeeded: group.count >> (8 * $0)) }
        return out + group + dataSet
    }
}
