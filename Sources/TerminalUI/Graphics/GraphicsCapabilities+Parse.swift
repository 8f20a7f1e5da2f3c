extension GraphicsCapabilities {
    /// Reads the terminal's answers to `query` from the raw bytes received.
    /// Answers may come in any order, split anywhere, mixed with typed keys;
    /// unknown replies are dropped, keys are kept in `otherInput`. A sequence
    /// cut off at the end is left out (read more and parse again).
    public static func parse(replyBytes bytes: [UInt8]) -> GraphicsCapabilities {
        var caps = GraphicsCapabilities()
        var i = 0
        let n = bytes.count
        while i < n {
            guard bytes[i] == 0x1B, i + 1 < n else {
                if bytes[i] == 0x1B { break }   // a lone ESC at the end may begin a reply still on its way
                caps.otherInput.append(bytes[i]); i += 1
                continue
            }
            switch bytes[i + 1] {
            case 0x5B:   // CSI
                guard let end = csiEnd(bytes, from: i + 2) else { return caps }
                let body = Array(bytes[(i + 2)..<end])
                if !caps.takeCSI(body, final: bytes[end]) { caps.otherInput += bytes[i...end] }
                i = end + 1
            case 0x5F, 0x50, 0x5D:   // APC, DCS, OSC: strings up to ST (or BEL for OSC)
                guard let (payloadEnd, next) = stringEnd(bytes, from: i + 2) else { return caps }
                if bytes[i + 1] == 0x5F { caps.takeAPC(Array(bytes[(i + 2)..<payloadEnd])) }
                i = next
            default:   // ESC + key: Alt-chord or a bare Escape
                caps.otherInput.append(bytes[i]); i += 1
            }
        }
        return caps
    }

    /// Index of the final byte of a CSI sequence whose parameters start at `from`.
    private static func csiEnd(_ b: [UInt8], from: Int) -> Int? {
        var j = from
        while j < b.count {
            if b[j] >= 0x40 && b[j] <= 0x7E { return j }
            j += 1
        }
        return nil
    }

    /// (end of payload, index after the terminator) for a string starting at `from`.
    private static func stringEnd(_ b: [UInt8], from: Int) -> (Int, Int)? {
        var j = from
        while j < b.count {
            if b[j] == 0x07 { return (j, j + 1) }
            if b[j] == 0x1B {
                guard j + 1 < b.count else { return nil }
                if b[j + 1] == 0x5C { return (j, j + 2) }
            }
            j += 1
        }
        return nil
    }

    private static func numbers(_ s: ArraySlice<UInt8>) -> [Int] {
        s.split(separator: 0x3B, omittingEmptySubsequences: false).map { part in
            part.reduce(0) { acc, d in (d >= 0x30 && d <= 0x39) ? min(acc * 10 + Int(d - 0x30), 1 << 30) : acc }
        }
    }

    /// Takes a reply; false when the sequence is not one (a key such as an arrow).
    private mutating func takeCSI(_ body: [UInt8], final: UInt8) -> Bool {
        let isPrivate = body.first == 0x3F   // ?
        switch (isPrivate, final) {
        case (true, 0x63):   // DA1: CSI ? class ; ext… c
            let p = GraphicsCapabilities.numbers(body.dropFirst())
            // VT200-family classes (62+) list extensions; 4 is sixel graphics.
            if let cls = p.first, cls >= 62, p.dropFirst().contains(4) { sixel = true }
            answeredDeviceAttributes = true
            return true
        case (true, 0x53):   // XTSMGRAPHICS: CSI ? item ; status ; value S
            let p = GraphicsCapabilities.numbers(body.dropFirst())
            if p.count >= 3, p[0] == 1, p[1] == 0, p[2] > 0 { sixelRegisters = p[2] }
            return true
        case (false, 0x74):   // window ops: CSI 6 ; h ; w t and CSI 4 ; h ; w t
            let p = GraphicsCapabilities.numbers(body[...])
            if p.count >= 3, p[1] > 0, p[2] > 0 {
                if p[0] == 6 { cellPixels = Size(width: p[2], height: p[1]) }
                if p[0] == 4 { windowPixels = Size(width: p[2], height: p[1]) }
            }
            return true
        case (true, _), (false, 0x52):   // other private replies, cursor position reports
            return true
        default:
            return body.first == 0x3E   // DA2 and other `>` replies
        }
    }

    /// Kitty answers `G i=31 ; OK` (or an error text instead of OK).
    private mutating func takeAPC(_ body: [UInt8]) {
        guard body.first == 0x47 else { return }   // G
        let parts = body.dropFirst().split(separator: 0x3B, maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return }
        let keys = parts[0].split(separator: 0x2C).map { String(decoding: $0, as: UTF8.self) }
        if keys.contains("i=\(GraphicsCapabilities.kittyProbeID)"), parts[1].starts(with: Array("OK".utf8)) { kitty = true }
    }
}
