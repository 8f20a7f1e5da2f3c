/// A loaded, validated ONNX graph: every node has its operator built (its
/// attributes parsed) and every unsupported operator was reported at load, in
/// one error.
public struct Graph: Sendable {
    struct Node: Sendable {
        var proto: NodeProto
        var op: any Operator
    }

    /// A graph input the caller must provide.
    public struct Input: Sendable {
        public var name: String
        public var dataType: DataType
        /// Fixed dimensions, or nil where the model leaves them symbolic/unknown.
        public var dims: [Int?]?
    }

    var nodes: [Node]
    public internal(set) var initializers: [String: Tensor]
    public internal(set) var inputs: [Input]
    public internal(set) var outputs: [String]
    /// The default-domain opset the model imports.
    public let opset: Int

    /// Opsets whose float32 semantics the operators implement. 23–25 only
    /// added element types to the operators listed here, so they are accepted.
    /// Before 7, the operators whose meaning differed read their old attributes
    /// (broadcast/axis, Concat's default axis) or refuse (Reshape < 5, Upsample < 7).
    public static let supportedOpsets = 1...25

    public init(bytes: [UInt8]) throws {
        try self.init(model: ModelProto(bytes: bytes))
    }

    public init(model: ModelProto) throws {
        let opset = model.opsets[""] ?? 1
        self.opset = opset
        var unsupported: [UnsupportedOperator] = []
        var seen = Set<String>()
        func note(_ u: UnsupportedOperator) {
            if seen.insert(u.description).inserted { unsupported.append(u) }
        }
        var nodes: [Node] = []
        for proto in model.graph.nodes {
            let domainOpset = model.opsets[proto.domain] ?? (proto.domain.isEmpty ? opset : 0)
            guard proto.domain.isEmpty || proto.domain == "ai.onnx" else {
                note(UnsupportedOperator(opType: proto.opType, domain: proto.domain, opset: domainOpset))
                continue
            }
            guard Graph.supportedOpsets.contains(domainOpset) else {
                note(UnsupportedOperator(opType: proto.opType, domain: proto.domain, opset: domainOpset,
                                         reason: "opset \(domainOpset) is outside \(Graph.supportedOpsets.lowerBound)–\(Graph.supportedOpsets.upperBound)"))
                continue
            }
            do {
                guard let op = try OperatorRegistry.make(proto, opset: domainOpset) else {
                    note(UnsupportedOperator(opType: proto.opType, domain: proto.domain, opset: domainOpset))
                    continue
                }
                nodes.append(Node(proto: proto, op: op))
            } catch let u as UnsupportedFeature {
                note(UnsupportedOperator(opType: proto.opType, domain: proto.domain, opset: domainOpset, reason: u.reason))
            } catch let f as OperatorFailure {
                throw InferenceError.invalidNode(node: proto.displayName, op: proto.opType, reason: f.reason)
            }
        }
        if !unsupported.isEmpty { throw InferenceError.unsupportedOperators(unsupported) }

        var initializers: [String: Tensor] = [:]
        for t in model.graph.initializers { initializers[t.name] = t.tensor }
        self.initializers = initializers
        self.nodes = nodes

        var inputs: [Input] = []
        for info in model.graph.inputs where initializers[info.name] == nil {
            guard info.isTensor else { throw InferenceError.unsupportedValueType(name: info.name) }
            guard let type = DataType(rawValue: info.elementType) else {
                throw InferenceError.unsupportedDataType(tensor: info.name, dataType: info.elementType)
            }
            let dims: [Int?]? = info.shape.map { $0.map { if case .fixed(let d) = $0, d > 0 { return d } else { return nil } } }
            inputs.append(Input(name: info.name, dataType: type, dims: dims))
        }
        self.inputs = inputs
        self.outputs = model.graph.outputs.map(\.name)

        // Nodes must come in topological order (the ONNX rule); check every use.
        var defined = Set(initializers.keys).union(inputs.map(\.name))
        for node in nodes {
            for name in node.proto.inputs where !name.isEmpty && !defined.contains(name) {
                throw InferenceError.invalidNode(node: node.proto.displayName, op: node.proto.opType,
                                                 reason: "input \(name) is not produced by an earlier node, an initializer or a graph input")
            }
            defined.formUnion(node.proto.outputs.filter { !$0.isEmpty })
        }
        for name in outputs where !defined.contains(name) {
            throw InferenceError.invalidModel(field: "graph.output \(name)", reason: "no node produces it")
        }
    }

    /// Operator types used by the graph, for reports.
    public var operatorTypes: [String] { Array(Set(nodes.map(\.proto.opType))).sorted() }
    public var nodeCount: Int { nodes.count }
}
