/// A minimal reader of the protobuf wire format (varint, 64-bit, length-delimited,
/// 32-bit), enough to decode `onnx.proto`. Groups (wire types 3/4) are rejected:
/// ONNX never uses them. Every read is bounds-checked and reports its byte offset.
struct ProtobufReader {
    enum WireType: Int { case varint = 0, fixed64 = 1, lengthDelimited = 2, fixed32 = 5 }

    let bytes: [UInt8]
    /// Absolute offset of `bytes[0]` in the outermost message, for error messages.
    private let base: Int
    private(set) var position: Int
    private let end: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.base = 0
        self.position = 0
        self.end = bytes.count
    }

    private init(bytes: [UInt8], start: Int, end: Int) {
        self.bytes = bytes
        self.base = 0
        self.position = start
        self.end = end
    }

    var isAtEnd: Bool { position >= end }

    private func fail(_ reason: String) -> InferenceError {
        .malformedProtobuf(offset: base + position, reason: reason)
    }

    mutating func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else { throw fail("truncated varint") }
            let byte = bytes[position]
            position += 1
            guard shift < 64 else { throw fail("varint longer than 10 bytes") }
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// Next field key, or nil at the end of the message.
    mutating func readKey() throws -> (field: Int, wire: WireType)? {
        guard !isAtEnd else { return nil }
        let key = try readVarint()
        let field = Int(key >> 3)
        guard field > 0 else { throw fail("field number 0") }
        guard let wire = WireType(rawValue: Int(key & 7)) else {
            throw fail("unsupported wire type \(key & 7) for field \(field)")
        }
        return (field, wire)
    }

    mutating func readFixed32() throws -> UInt32 {
        guard end - position >= 4 else { throw fail("truncated fixed32") }
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(bytes[position + i]) << (8 * UInt32(i)) }
        position += 4
        return v
    }

    mutating func readFixed64() throws -> UInt64 {
        guard end - position >= 8 else { throw fail("truncated fixed64") }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[position + i]) << (8 * UInt64(i)) }
        position += 8
        return v
    }

    /// The byte range of a length-delimited field.
    mutating func readLengthDelimitedRange() throws -> Range<Int> {
        let length = try readVarint()
        guard length <= UInt64(end - position) else { throw fail("length \(length) runs past the end of the message") }
        let range = position..<(position + Int(length))
        position += Int(length)
        return range
    }

    mutating func readBytes() throws -> ArraySlice<UInt8> {
        bytes[try readLengthDelimitedRange()]
    }

    mutating func readString() throws -> String {
        String(decoding: try readBytes(), as: UTF8.self)
    }

    /// A reader limited to an embedded message.
    mutating func readMessage() throws -> ProtobufReader {
        let range = try readLengthDelimitedRange()
        return ProtobufReader(bytes: bytes, start: range.lowerBound, end: range.upperBound)
    }

    mutating func skip(_ wire: WireType) throws {
        switch wire {
        case .varint: _ = try readVarint()
        case .fixed64: _ = try readFixed64()
        case .fixed32: _ = try readFixed32()
        case .lengthDelimited: _ = try readLengthDelimitedRange()
        }
    }

    // Repeated scalars arrive packed (one length-delimited run) or one per key.

    mutating func readInt64s(_ wire: WireType, into out: inout [Int64]) throws {
        if wire == .lengthDelimited {
            var sub = try readMessage()
            while !sub.isAtEnd { out.append(Int64(bitPattern: try sub.readVarint())) }
        } else {
            guard wire == .varint else { throw fail("expected varint") }
            out.append(Int64(bitPattern: try readVarint()))
        }
    }

    mutating func readUInt64s(_ wire: WireType, into out: inout [UInt64]) throws {
        if wire == .lengthDelimited {
            var sub = try readMessage()
            while !sub.isAtEnd { out.append(try sub.readVarint()) }
        } else {
            guard wire == .varint else { throw fail("expected varint") }
            out.append(try readVarint())
        }
    }

    mutating func readFloats(_ wire: WireType, into out: inout [Float]) throws {
        if wire == .lengthDelimited {
            var sub = try readMessage()
            while !sub.isAtEnd { out.append(Float(bitPattern: try sub.readFixed32())) }
        } else {
            guard wire == .fixed32 else { throw fail("expected fixed32") }
            out.append(Float(bitPattern: try readFixed32()))
        }
    }

    mutating func readDoubles(_ wire: WireType, into out: inout [Double]) throws {
        if wire == .lengthDelimited {
            var sub = try readMessage()
            while !sub.isAtEnd { out.append(Double(bitPattern: try sub.readFixed64())) }
        } else {
            guard wire == .fixed64 else { throw fail("expected fixed64") }
            out.append(Double(bitPattern: try readFixed64()))
        }
    }

    func expect(_ wire: WireType, _ expected: WireType, field: String) throws {
        guard wire == expected else { throw fail("field \(field) has wire type \(wire.rawValue), expected \(expected.rawValue)") }
    }
}
