extension Graph {
    /// A graph from nodes built in memory (the kernel self-test and tests use it).
    static func build(_ nodes: [NodeProto], inputs: [(String, [Int])], initializers: [String: Tensor] = [:],
                      outputs: [String], opset: Int = 17) throws -> Graph {
        var model = ModelProto()
        model.opsets[""] = opset
        model.graph.nodes = nodes
        model.graph.inputs = inputs.map { ValueInfoProto(name: $0.0, elementType: 1, shape: $0.1.map { .fixed($0) }) }
        model.graph.initializers = initializers.map { TensorProto(name: $0.key, tensor: $0.value) }
        model.graph.outputs = outputs.map { ValueInfoProto(name: $0, elementType: 1, shape: nil) }
        return try Graph(model: model)
    }
}
