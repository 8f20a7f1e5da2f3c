/// A decoded `onnx.TensorProto`: its name and value. Elements may come as
/// `raw_data` (little-endian) or in the typed fields (float_data, int32_data,
/// int64_data, double_data, uint64_data); external data is refused.
public struct TensorProto: Sendable {
    public var name: String
    public var tensor: Tensor

    public init(name: String, tensor: Tensor) {
        self.name = name
        self.tensor = tensor
    }

    /// Decodes a serialized TensorProto (the `.pb` files of ONNX test cases).
    public init(bytes: [UInt8]) throws {
        var r = ProtobufReader(bytes)
        try self.init(reader: &r)
    }

    init(reader r: inout ProtobufReader) throws {
        var dims: [Int64] = []
        var dataType = 0
        var name = ""
        var floatData: [Float] = [], int32Data: [Int64] = [], int64Data: [Int64] = []
        var doubleData: [Double] = [], uint64Data: [UInt64] = []
        var raw: ArraySlice<UInt8>?
        var external = false
        while let (field, wire) = try r.readKey() {
            switch field {
            case 1: try r.readInt64s(wire, into: &dims)
            case 2: try r.expect(wire, .varint, field: "tensor.data_type"); dataType = Int(truncatingIfNeeded: try r.readVarint())
            case 3: throw InferenceError.invalidModel(field: "tensor.segment", reason: "segmented tensors are not supported")
            case 4: try r.readFloats(wire, into: &floatData)
            case 5: try r.readInt64s(wire, into: &int32Data)
            case 6: throw InferenceError.unsupportedDataType(tensor: name, dataType: DataType.string.rawValue)
            case 7: try r.readInt64s(wire, into: &int64Data)
            case 8: try r.expect(wire, .lengthDelimited, field: "tensor.name"); name = try r.readString()
            case 9: try r.expect(wire, .lengthDelimited, field: "tensor.raw_data"); raw = try r.readBytes()
            case 10: try r.readDoubles(wire, into: &doubleData)
            case 11: try r.readUInt64s(wire, into: &uint64Data)
            case 13: external = true; try r.skip(wire)
            case 14:
                try r.expect(wire, .varint, field: "tensor.data_location")
                if try r.readVarint() == 1 { external = true }
            default: try r.skip(wire)
            }
        }
        if external { throw InferenceError.externalData(tensor: name) }
        guard let type = DataType(rawValue: dataType), type != .string else {
            throw InferenceError.unsupportedDataType(tensor: name, dataType: dataType)
        }
        guard dims.allSatisfy({ $0 >= 0 }) else {
            throw InferenceError.invalidModel(field: "tensor \(name).dims", reason: "negative dimension in \(dims)")
        }
        let shape = dims.map { Int($0) }
        // A header may claim any dims: count without trapping (and leave room for
        // count × byte width), then the data checks below refuse what is not there.
        var count = 1
        for d in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: d)
            guard !overflow, product <= Int.max / 8 else {
                throw InferenceError.invalidModel(field: "tensor \(name).dims", reason: "\(dims) has more elements than any file can hold")
            }
            count = product
        }
        self.name = name

        var floats: [Float] = []
        var ints: [Int64] = []
        if let raw {
            let width = Self.byteWidth(type)
            guard raw.count == count * width else {
                throw InferenceError.invalidModel(field: "tensor \(name).raw_data",
                                                  reason: "holds \(raw.count) bytes, shape \(shape) of \(type) needs \(count * width)")
            }
            (floats, ints) = Self.decodeRaw(raw, type: type, count: count)
        } else {
            switch type {
            case .float: floats = floatData
            case .double: floats = doubleData.map { Float($0) }
            case .float16: floats = int32Data.map { Float(Float16(bitPattern: UInt16(truncatingIfNeeded: $0))) }
            case .int64: ints = int64Data
            case .uint32, .uint64: ints = uint64Data.map { Int64(bitPattern: $0) }
            case .int32, .int16, .int8, .uint16, .uint8, .bool: ints = int32Data
            case .string: break
            }
            let got = type.isFloating ? floats.count : ints.count
            guard got == count else {
                throw InferenceError.invalidModel(field: "tensor \(name)", reason: "holds \(got) elements, shape \(shape) needs \(count)")
            }
        }
        tensor = Tensor(shape: shape, dataType: type, floats: floats, ints: ints)
    }

    static func byteWidth(_ type: DataType) -> Int {
        switch type {
        case .uint8, .int8, .bool: 1
        case .uint16, .int16, .float16: 2
        case .float, .int32, .uint32: 4
        case .int64, .double, .uint64: 8
        case .string: 0
        }
    }

    private static func decodeRaw(_ raw: ArraySlice<UInt8>, type: DataType, count: Int) -> ([Float], [Int64]) {
        let width = byteWidth(type)
        let base = raw.startIndex
        func word(_ i: Int) -> UInt64 {
            var v: UInt64 = 0
            for b in 0..<width { v |= UInt64(raw[base + i * width + b]) << (8 * UInt64(b)) }
            return v
        }
        switch type {
        case .float:
            var out = [Float](repeating: 0, count: count)
            raw.withUnsafeBytes { buf in
                for i in 0..<count { out[i] = Float(bitPattern: buf.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self).littleEndian) }
            }
            return (out, [])
        case .double: return ((0..<count).map { Float(Double(bitPattern: word($0))) }, [])
        case .float16: return ((0..<count).map { Float(Float16(bitPattern: UInt16(word($0)))) }, [])
        case .int64, .uint64: return ([], (0..<count).map { Int64(bitPattern: word($0)) })
        case .int32: return ([], (0..<count).map { Int64(Int32(bitPattern: UInt32(word($0)))) })
        case .int16: return ([], (0..<count).map { Int64(Int16(bitPattern: UInt16(word($0)))) })
        case .int8: return ([], (0..<count).map { Int64(Int8(bitPattern: UInt8(word($0)))) })
        case .uint32, .uint16, .uint8, .bool: return ([], (0..<count).map { Int64(word($0)) })
        case .string: return ([], [])
        }
    }
}
