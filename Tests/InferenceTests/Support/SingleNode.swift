@testable import Inference

/// Builds small graphs in memory for kernel and rewrite tests.
enum SingleNode {
    static func graph(_ nodes: [NodeProto], inputs: [(String, [Int])], initializers: [String: Tensor] = [:],
                      outputs: [String], opset: Int = 17) throws -> Graph {
        try Graph.build(nodes, inputs: inputs, initializers: initializers, outputs: outputs, opset: opset)
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
        return KernelSelfTest.nmse(a, b)
    }
}
