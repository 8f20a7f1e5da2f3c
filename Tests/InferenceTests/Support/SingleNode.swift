@testable import Inference

/// Builds small graphs in memory for kernel and rewrite tests.
enum SingleNode {
    static func graph(_ nodes: [NodeProto], inputs: [(String, [Int])], initializers: [String: Tensor] = [:],
                      outputs: [String], opset: Int = 17) throws -> Graph {
        var model = ModelProto()
        model.opsets[""] = opset
        model.graph.nodes = nodes
        model.graph.inputs = inputs.map { ValueInfoProto(name: $0.0, elementType: 1, shape: $0.1.map { .fixed($0) }) }
        model.graph.initializers = initializers.map { TensorProto(name: $0.key, tensor: $0.value) }
        model.graph.outputs = outputs.map { ValueInfoProto(name: $0, elementType: 1, shape: nil) }
        return try Graph(model: model)
    }

    static func ints(_ name: String, _ v: [Int]) -> AttributeProto { AttributeProto(name: name, value: .ints(v.map { Int64($0) })) }
    static func int(_ name: String, _ v: Int) -> AttributeProto { AttributeProto(name: name, value: .int(Int64(v))) }

    /// Runs with the reference options and with `options`; returns both results for `output`.
    static func compare(_ graph: Graph, _ feeds: [String: Tensor], output: String,
                        options: Session.Options = Session.Options(threads: 2)) throws -> (reference: [Float], optimized: [Float]) {
        let ref = try Session(graph: graph, inputs: feeds, options: .reference).run(feeds)[output]!.floats
        let opt = try Session(graph: graph, inputs: feeds, options: options).run(feeds)[output]!.floats
        return (ref, opt)
    }

    /// Σ(a−b)² / Σb²: the normalised mean squared error.
    static func nmse(_ a: [Float], _ b: [Float]) -> Double {
        precondition(a.count == b.count)
        var num = 0.0, den = 0.0
        for (x, y) in zip(a, b) { num += Double(x - y) * Double(x - y); den += Double(y) * Double(y) }
        return den == 0 ? num : num / den
    }
}
