import Foundation

/// Value accessors: decode an element's bytes when asked. Each returns nil when the
/// element is absent or empty and throws `DICOMError.invalidValue` when present but unusable.
extension DataSet {
    public func data(_ tag: Tag) -> ArraySlice<UInt8>? {
        self[tag].map { valueBytes($0) }
    }

    public func sequence(_ tag: Tag) -> [DataSet]? { self[tag]?.items }

    /// Text value with trailing spaces and NULs removed (leading spaces too, which
    /// only numeric strings and codes carry). Bytes are read as UTF-8 with Latin-1
    /// fallback, enough for the ASCII attributes the pixel pipeline needs.
    public func string(_ tag: Tag) -> String? {
        guard let element = self[tag], case .bytes = element.content else { return nil }
        return Self.text(valueBytes(element))
    }

    /// Backslash-separated values of a text element.
    public func strings(_ tag: Tag) -> [String]? {
        guard let element = self[tag], case .bytes = element.content, !element.valueRange.isEmpty else { return nil }
        let raw = valueBytes(element)
        return raw.split(separator: 0x5C, omittingEmptySubsequences: false).map { Self.text($0) }
    }

    static func text(_ bytes: ArraySlice<UInt8>) -> String {
        var slice = bytes
        while let last = slice.last, last == 0x20 || last == 0x00 { slice.removeLast() }
        while let first = slice.first, first == 0x20 { slice.removeFirst() }
        if let s = String(validating: slice, as: UTF8.self) { return s }
        return String(slice.map { Character(Unicode.Scalar($0)) })
    }

    /// Integers of US, SS, UL, SL, SV, UV (binary) or IS (text) elements.
    public func ints(_ tag: Tag) throws -> [Int]? {
        guard let element = self[tag], case .bytes = element.content, !element.valueRange.isEmpty else { return nil }
        switch element.vr {
        case .IS, .DS:
            return try numericStrings(element).map { text, _ in
                guard let v = Int(text) ?? Double(text).flatMap({ $0.rounded() == $0 && abs($0) < 1e15 ? Int($0) : nil }) else {
                    throw DICOMError.invalidValue(file: file, tag: tag, offset: element.offset, problem: "\"\(text)\" is not an integer string")
                }
                return v
            }
        case .US, .SS, .UL, .SL, .SV, .UV, .OW, .OL, .OV, .UN, .OB:
            let size: Int
            switch element.vr {
            case .US, .SS, .OW: size = 2
            case .UL, .SL, .OL: size = 4
            case .SV, .UV, .OV: size = 8
            default: size = 1
            }
            let signed = element.vr == .SS || element.vr == .SL || element.vr == .SV
            return try binary(element, size: size).map { raw in
                guard signed else { return Int(truncatingIfNeeded: raw) }
                let shift = 64 - size * 8
                return Int(Int64(bitPattern: raw << UInt64(shift)) >> Int64(shift))
            }
        default:
            throw DICOMError.invalidValue(file: file, tag: tag, offset: element.offset, problem: "VR \(element.vr) does not hold integers")
        }
    }

    public func int(_ tag: Tag) throws -> Int? { try ints(tag)?.first }

    /// Reals of DS/IS (text) or FL/FD and integer VRs (binary).
    public func doubles(_ tag: Tag) throws -> [Double]? {
        guard let element = self[tag], case .bytes = element.content, !element.valueRange.isEmpty else { return nil }
        switch element.vr {
        case .DS, .IS:
            return try numericStrings(element).map { text, _ in
                guard let v = Double(text), v.isFinite else {
                    throw DICOMError.invalidValue(file: file, tag: tag, offset: element.offset, problem: "\"\(text)\" is not a decimal string")
                }
                return v
            }
        case .FL, .OF:
            return try binary(element, size: 4).map { Double(Float(bitPattern: UInt32(truncatingIfNeeded: $0))) }
        case .FD, .OD:
            return try binary(element, size: 8).map { Double(bitPattern: $0) }
        default:
            return try ints(tag)?.map(Double.init)
        }
    }

    public func double(_ tag: Tag) throws -> Double? { try doubles(tag)?.first }

    private func numericStrings(_ element: DataElement) throws -> [(String, Int)] {
        let parts = valueBytes(element).split(separator: 0x5C, omittingEmptySubsequences: false)
        return parts.enumerated().compactMap { i, part in
            let text = Self.text(part)
            return text.isEmpty ? nil : (text, i)
        }
    }

    /// Unsigned raw numbers of `size` bytes in the data set's byte order.
    func binary(_ element: DataElement, size: Int) throws -> [UInt64] {
        let bytes = valueBytes(element)
        guard bytes.count % size == 0 else {
            throw DICOMError.invalidValue(file: file, tag: element.tag, offset: element.offset,
                                          problem: "value length \(bytes.count) is not a multiple of \(size) for VR \(element.vr)")
        }
        var out: [UInt64] = []
        out.reserveCapacity(bytes.count / size)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            var v: UInt64 = 0
            for k in 0..<size {
                let b = UInt64(bytes[i + (isLittleEndian ? k : size - 1 - k)])
                v |= b << UInt64(8 * k)
            }
            out.append(v)
            i += size
        }
        return out
    }
}
