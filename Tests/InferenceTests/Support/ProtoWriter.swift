/// A tiny protobuf encoder for tests: builds ONNX messages byte by byte so the
/// reader is checked against the wire format, not against itself.
struct ProtoWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ v: UInt64) {
        var v = v
        while v >= 0x80 { bytes.append(UInt8(v & 0x7f) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }
    mutating func key(_ field: Int, _ wire: Int) { varint(UInt64(field << 3 | wire)) }
    mutating func int(_ field: Int, _ v: Int64) { key(field, 0); varint(UInt64(bitPattern: v)) }
    mutating func bytes(_ field: Int, _ b: [UInt8]) { key(field, 2); varint(UInt64(b.count)); bytes += b }
    mutating func string(_ field: Int, _ s: String) { bytes(field, Array(s.utf8)) }
    mutating func message(_ field: Int, _ build: (inout ProtoWriter) -> Void) {
        var sub = ProtoWriter()
        build(&sub)
        bytes(field, sub.bytes)
    }
    mutating func float(_ field: Int, _ f: Float) {
        key(field, 5)
        withUnsafeBytes(of: f.bitPattern.littleEndian) { bytes += $0 }
    }
    mutating func packedFloats(_ field: Int, _ fs: [Float]) {
        var b: [UInt8] = []
        for f in fs { withUnsafeBytes(of: f.bitPattern.littleEndian) { b += $0 } }
        bytes(field, b)
    }
    mutating func packedInts(_ field: Int, _ vs: [Int64]) {
        var sub = ProtoWriter()
        for v in vs { sub.varint(UInt64(bitPattern: v)) }
        bytes(field, sub.bytes)
    }

    /// A float32 TensorProto with raw_data (or float_data when `typed`).
    static func floatTensor(name: String, dims: [Int64], values: [Float], typed: Bool = false) -> [UInt8] {
        var w = ProtoWriter()
        for d in dims { w.int(1, d) }  // unpacked dims
        w.int(2, 1)
        w.string(8, name)
        if typed {
            w.packedFloats(4, values)
        } else {
            var raw: [UInt8] = []
            for f in values { withUnsafeBytes(of: f.bitPattern.littleEndian) { raw += $0 } }
            w.bytes(9, raw)
        }
        return w.bytes
    }

    /// A model with the given nodes (op type, inputs, outputs, int attributes), one float input and output.
    static func model(opset: Int64, nodes: [(op: String, domain: String, inputs: [String], outputs: [String])],
                      input: (String, [Int64]), output: String, initializers: [[UInt8]] = []) -> [UInt8] {
        var m = ProtoWriter()
        m.int(1, 8)
        m.message(8) { $0.string(1, ""); $0.int(2, opset) }
        m.message(7) { g in
            for n in nodes {
                g.message(1) { w in
                    for i in n.inputs { w.string(1, i) }
                    for o in n.outputs { w.string(2, o) }
                    w.string(4, n.op)
                    if !n.domain.isEmpty { w.string(7, n.domain) }
                }
            }
            g.string(2, "test")
            for t in initializers { g.bytes(5, t) }
            g.message(11) { v in
                v.string(1, input.0)
                v.message(2) { t in t.message(1) { tt in
                    tt.int(1, 1)
                    tt.message(2) { s in for d in input.1 { s.message(1) { $0.int(1, d) } } }
                } }
            }
            g.message(12) { v in v.string(1, output) }
        }
        return m.bytes
    }
}
