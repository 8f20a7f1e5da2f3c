/// A graph input or output: name, element type and (possibly symbolic) shape.
public struct ValueInfoProto: Sendable {
    public enum Dimension: Sendable, Equatable {
        case fixed(Int)
        case symbolic(String)
        case unknown
    }

    public var name = ""
    /// 0 when the type is absent or not a tensor.
    public var elementType = 0
    /// nil when the shape is absent (any rank).
    public var shape: [Dimension]?
    public var isTensor = true

    public init(name: String, elementType: Int, shape: [Dimension]?) {
        self.name = name
        self.elementType = elementType
        self.shape = shape
    }

    init(reader r: inout ProtobufReader) throws {
        while let (field, wire) = try r.readKey() {
            switch field {
            case 1: try r.expect(wire, .lengthDelimited, field: "value_info.name"); name = try r.readString()
            case 2:
                try r.expect(wire, .lengthDelimited, field: "value_info.type")
                var type = try r.readMessage()
                isTensor = false
                while let (f, w) = try type.readKey() {
                    guard f == 1 else { try type.skip(w); continue }
                    isTensor = true
                    try type.expect(w, .lengthDelimited, field: "type.tensor_type")
                    var tensor = try type.readMessage()
                    try decodeTensorType(&tensor)
                }
            default: try r.skip(wire)
            }
        }
    }

    private mutating func decodeTensorType(_ r: inout ProtobufReader) throws {
        while let (f, w) = try r.readKey() {
            switch f {
            case 1: try r.expect(w, .varint, field: "tensor_type.elem_type"); elementType = Int(truncatingIfNeeded: try r.readVarint())
            case 2:
                try r.expect(w, .lengthDelimited, field: "tensor_type.shape")
                var shapeReader = try r.readMessage()
                var dims: [Dimension] = []
                while let (sf, sw) = try shapeReader.readKey() {
                    guard sf == 1 else { try shapeReader.skip(sw); continue }
                    try shapeReader.expect(sw, .lengthDelimited, field: "shape.dim")
                    var dimReader = try shapeReader.readMessage()
                    var dim = Dimension.unknown
                    while let (df, dw) = try dimReader.readKey() {
                        switch df {
                        case 1: try dimReader.expect(dw, .varint, field: "dim.dim_value"); dim = .fixed(Int(Int64(bitPattern: try dimReader.readVarint())))
                        case 2: try dimReader.expect(dw, .lengthDelimited, field: "dim.dim_param"); dim = .symbolic(try dimReader.readString())
                        default: try dimReader.skip(dw)
                        }
                    }
                    dims.append(dim)
                }
                shape = dims
            default: try r.skip(w)
            }
        }
    }
}
