import Testing
@testable import Inference

@Suite struct ProtobufReaderTests {
    @Test func readsVarintsOfEveryLength() throws {
        for value: UInt64 in [0, 1, 127, 128, 300, 1 << 35, UInt64.max] {
            var w = ProtoWriter()
            w.varint(value)
            var r = ProtobufReader(w.bytes)
            #expect(try r.readVarint() == value)
            #expect(r.isAtEnd)
        }
    }

    @Test func readsNegativeInt64AsTenByteVarint() throws {
        var w = ProtoWriter()
        w.int(3, -5)
        #expect(w.bytes.count == 11)
        var r = ProtobufReader(w.bytes)
        let key = try #require(try r.readKey())
        var out: [Int64] = []
        try r.readInt64s(key.wire, into: &out)
        #expect(key.field == 3 && out == [-5])
    }

    @Test func readsPackedAndUnpackedRepeatedFields() throws {
        var w = ProtoWriter()
        w.packedInts(8, [1, 2, 3])
        w.int(8, 4)
        var r = ProtobufReader(w.bytes)
        var out: [Int64] = []
        while let (_, wire) = try r.readKey() { try r.readInt64s(wire, into: &out) }
        #expect(out == [1, 2, 3, 4])
    }

    @Test func reportsTruncationWithOffset() {
        var w = ProtoWriter()
        w.string(1, "hello")
        let cut = Array(w.bytes.dropLast(2))
        var r = ProtobufReader(cut)
        #expect(throws: InferenceError.self) {
            _ = try r.readKey()
            _ = try r.readString()
        }
    }

    @Test func rejectsGroupWireTypes() {
        var r = ProtobufReader([0x0b])  // field 1, wire type 3
        #expect(throws: InferenceError.self) { _ = try r.readKey() }
    }
}
