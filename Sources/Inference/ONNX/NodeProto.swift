/// One `onnx.NodeProto`. Empty input names mean "optional input not given".
public struct NodeProto: Sendable {
    public var name = ""
    public var opType = ""
    public var domain = ""
    public var inputs: [String] = []
    public var outputs: [String] = []
    public var attributes: [String: AttributeProto] = [:]

    public init(opType: String, inputs: [String], outputs: [String], name: String = "", attributes: [AttributeProto] = []) {
        self.opType = opType
        self.inputs = inputs
        self.outputs = outputs
        self.name = name
        for a in attributes { self.attributes[a.name] = a }
    }

    init(reader r: inout ProtobufReader) throws {
        while let (field, wire) = try r.readKey() {
            switch field {
            case 1: try r.expect(wire, .lengthDelimited, field: "node.input"); inputs.append(try r.readString())
            case 2: try r.expect(wire, .lengthDelimited, field: "node.output"); outputs.append(try r.readString())
            case 3: try r.expect(wire, .lengthDelimited, field: "node.name"); name = try r.readString()
            case 4: try r.expect(wire, .lengthDelimited, field: "node.op_type"); opType = try r.readString()
            case 5:
                try r.expect(wire, .lengthDelimited, field: "node.attribute")
                var sub = try r.readMessage()
                let a = try AttributeProto(reader: &sub)
                attributes[a.name] = a
            case 7: try r.expect(wire, .lengthDelimited, field: "node.domain"); domain = try r.readString()
            default: try r.skip(wire)
            }
        }
        if domain == "ai.onnx" { domain = "" }
    }

    /// Name used in messages: the node name, else its first output.
    public var displayName: String { name.isEmpty ? (outputs.first ?? "") : name }
}
