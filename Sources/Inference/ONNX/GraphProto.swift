/// The parts of `onnx.GraphProto` the engine uses.
public struct GraphProto: Sendable {
    public var name = ""
    public var nodes: [NodeProto] = []
    public var initializers: [TensorProto] = []
    public var inputs: [ValueInfoProto] = []
    public var outputs: [ValueInfoProto] = []

    public init() {}

    init(reader r: inout ProtobufReader) throws {
        while let (field, wire) = try r.readKey() {
            switch field {
            case 1:
                try r.expect(wire, .lengthDelimited, field: "graph.node")
                var sub = try r.readMessage()
                nodes.append(try NodeProto(reader: &sub))
            case 2: try r.expect(wire, .lengthDelimited, field: "graph.name"); name = try r.readString()
            case 5:
                try r.expect(wire, .lengthDelimited, field: "graph.initializer")
                var sub = try r.readMessage()
                initializers.append(try TensorProto(reader: &sub))
            case 11, 12:
                try r.expect(wire, .lengthDelimited, field: "graph.input/output")
                var sub = try r.readMessage()
                let info = try ValueInfoProto(reader: &sub)
                if field == 11 { inputs.append(info) } else { outputs.append(info) }
            case 15:
                throw InferenceError.invalidModel(field: "graph.sparse_initializer", reason: "sparse initializers are not supported")
            default: try r.skip(wire)
            }
        }
    }
}
