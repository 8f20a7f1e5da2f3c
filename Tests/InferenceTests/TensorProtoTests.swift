import Testing
@testable import Inference

@Suite struct TensorProtoTests {
    @Test func rawAndTypedFloatDataDecodeAlike() throws {
        let values: [Float] = [1.5, -2, 0, 3.25, 7, 8]
        let raw = try TensorProto(bytes: ProtoWriter.floatTensor(name: "w", dims: [2, 3], values: values))
        let typed = try TensorProto(bytes: ProtoWriter.floatTensor(name: "w", dims: [2, 3], values: values, typed: true))
        #expect(raw.name == "w")
        #expect(raw.tensor == Tensor(shape: [2, 3], floats: values))
        #expect(typed.tensor == raw.tensor)
    }

    @Test func decodesInt64AndInt32Fields() throws {
        var w = ProtoWriter()
        w.packedInts(1, [3])
        w.int(2, 7)  // INT64
        w.packedInts(7, [-1, 0, 1 << 40])
        #expect(try TensorProto(bytes: w.bytes).tensor == Tensor(shape: [3], ints: [-1, 0, 1 << 40]))

        var v = ProtoWriter()
        v.packedInts(1, [2])
        v.int(2, 6)  // INT32
        v.packedInts(5, [-7, 9])
        let t = try TensorProto(bytes: v.bytes).tensor
        #expect(t.dataType == .int32 && t.ints == [-7, 9])
    }

    @Test func decodesDoubleDataToFloat() throws {
        var w = ProtoWriter()
        w.packedInts(1, [2])
        w.int(2, 11)
        var b: [UInt8] = []
        for d in [0.5, -4.0] { withUnsafeBytes(of: d.bitPattern.littleEndian) { b += $0 } }
        w.bytes(10, b)
        #expect(try TensorProto(bytes: w.bytes).tensor.floats == [0.5, -4])
    }

    @Test func rejectsExternalDataWithClearError() {
        var w = ProtoWriter()
        w.packedInts(1, [2])
        w.int(2, 1)
        w.string(8, "big_weight")
        w.message(13) { $0.string(1, "location"); $0.string(2, "weights.bin") }
        w.int(14, 1)
        #expect(throws: InferenceError.externalData(tensor: "big_weight")) { try TensorProto(bytes: w.bytes) }
    }

    @Test func rejectsRawDataOfWrongLength() {
        var w = ProtoWriter()
        w.packedInts(1, [4])
        w.int(2, 1)
        w.bytes(9, [0, 0, 0, 0])
        #expect(throws: InferenceError.self) { try TensorProto(bytes: w.bytes) }
    }
}
