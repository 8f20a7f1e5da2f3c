/// The parts of `onnx.ModelProto` the engine uses.
public struct ModelProto: Sendable {
    public var irVersion: Int64 = 0
    public var producerName = ""
    /// Opset version per domain ("" is the default ai.onnx domain).
    public var opsets: [String: Int] = [:]
    public var graph = GraphProto()

    public init() {}

    /// Decodes a serialized model. Unknown fields are skipped, as protobuf requires.
    public init(bytes: [UInt8]) throws {
        var r = ProtobufReader(bytes)
        var sawGraph = false
        while let (field, wire) = try r.readKey() {
            switch field {
            case 1: try r.expect(wire, .varint, field: "ir_version"); irVersion = Int64(bitPattern: try r.readVarint())
            case 2: try r.expect(wire, .lengthDelimited, field: "producer_name"); producerName = try r.readString()
            case 7:
                try r.expect(wire, .lengthDelimited, field: "graph")
                var sub = try r.readMessage()
                graph = try GraphProto(reader: &sub)
                sawGraph = true
            case 8:
                try r.expect(wire, .lengthDelimited, field: "opset_import")
                var sub = try r.readMessage()
                var domain = ""
                var version: Int64 = 0
                while let (f, w) = try sub.readKey() {
                    switch f {
                    case 1: try sub.expect(w, .lengthDelimited, field: "opset_import.domain"); domain = try sub.readString()
                    case 2: try sub.expect(w, .varint, field: "opset_import.version"); version = Int64(bitPattern: try sub.readVarint())
                    default: try sub.skip(w)
                    }
                }
                if domain == "ai.onnx" { domain = "" }
                opsets[domain] = Int(version)
            default: try r.skip(wire)
            }
        }
        guard sawGraph else { throw InferenceError.invalidModel(field: "graph", reason: "the model has no graph") }
        // Files that list no default-domain opset predate opset imports: opset 1.
        if opsets[""] == nil { opsets[""] = 1 }
    }
}
