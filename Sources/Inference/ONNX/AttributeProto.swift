/// One node attribute. Only the kinds ONNX CNN operators use are decoded
/// (f, i, s, t, floats, ints, strings); graphs and sparse tensors are refused.
public struct AttributeProto: Sendable {
    public enum Value: Sendable {
        case float(Float)
        case int(Int64)
        case string(String)
        case tensor(TensorProto)
        case floats([Float])
        case ints([Int64])
        case strings([String])
        case unsupported(Int)
    }

    public var name = ""
    public var value: Value = .unsupported(0)

    public init(name: String, value: Value) {
        self.name = name
        self.value = value
    }

    init(reader r: inout ProtobufReader) throws {
        var type = 0
        var f: Float = 0, i: Int64 = 0, s = "", t: TensorProto?
        var floats: [Float] = [], ints: [Int64] = [], strings: [String] = []
        var hasRef = false
        while let (field, wire) = try r.readKey() {
            switch field {
            case 1: try r.expect(wire, .lengthDelimited, field: "attribute.name"); name = try r.readString()
            case 20: try r.expect(wire, .varint, field: "attribute.type"); type = Int(truncatingIfNeeded: try r.readVarint())
            case 2: try r.expect(wire, .fixed32, field: "attribute.f"); f = Float(bitPattern: try r.readFixed32())
            case 3: try r.expect(wire, .varint, field: "attribute.i"); i = Int64(bitPattern: try r.readVarint())
            case 4: try r.expect(wire, .lengthDelimited, field: "attribute.s"); s = try r.readString()
            case 5:
                try r.expect(wire, .lengthDelimited, field: "attribute.t")
                var sub = try r.readMessage()
                t = try TensorProto(reader: &sub)
            case 7: try r.readFloats(wire, into: &floats)
            case 8: try r.readInt64s(wire, into: &ints)
            case 9: try r.expect(wire, .lengthDelimited, field: "attribute.strings"); strings.append(try r.readString())
            case 21: hasRef = true; try r.skip(wire)
            default: try r.skip(wire)
            }
        }
        if hasRef {
            value = .unsupported(-1)
            return
        }
        switch type {
        case 1: value = .float(f)
        case 2: value = .int(i)
        case 3: value = .string(s)
        case 4: value = t.map { .tensor($0) } ?? .unsupported(type)
        case 6: value = .floats(floats)
        case 7: value = .ints(ints)
        case 8: value = .strings(strings)
        default: value = .unsupported(type)
        }
    }
}
