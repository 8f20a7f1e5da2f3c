/// A graph specialised to fixed input shapes: shapes inferred for every value,
/// everything computable ahead of time folded into constants (initializers,
/// shape arithmetic, integer tensors), and the float32 nodes left to run.
public struct BoundGraph: Sendable {
    struct Step: Sendable {
        var name: String
        var opType: String
        var op: any Operator
        var inputs: [String]
        var outputs: [String]
    }

    var steps: [Step]
    public internal(set) var values: [String: ValueInfo]
    public internal(set) var constants: [String: Tensor]
    public internal(set) var inputs: [String]
    public internal(set) var outputs: [String]

    /// Binds input shapes (and values for integer inputs, which are shape-like
    /// and fixed per plan) and infers everything downstream.
    /// `graph` is consumed: once its initializers are shared with `constants`,
    /// folding can free the originals (halving peak memory on large models).
    public init(graph: consuming Graph, inputs given: [String: ValueInfo]) throws {
        var values: [String: ValueInfo] = [:]
        var constants = graph.initializers
        for (name, t) in graph.initializers { values[name] = ValueInfo(constant: t) }
        var runtimeInputs: [String] = []
        var parameters = Set<String>()
        for node in graph.nodes {
            for i in node.op.parameterInputs where i < node.proto.inputs.count { parameters.insert(node.proto.inputs[i]) }
        }
        for input in graph.inputs {
            guard var info = given[input.name] else {
                throw InferenceError.badInput(name: input.name, reason: "the model needs this input")
            }
            if let dims = input.dims {
                guard dims.count == info.shape.count, zip(dims, info.shape).allSatisfy({ $0 == nil || $0 == $1 }) else {
                    throw InferenceError.badInput(name: input.name, reason: "shape \(info.shape) does not match the model's \(dims.map { $0.map(String.init) ?? "?" })")
                }
            }
            if info.dataType == .float && !parameters.contains(input.name) {
                info.constant = nil
                runtimeInputs.append(input.name)
            } else {
                guard let c = info.constant else {
                    throw InferenceError.badInput(name: input.name, reason: "integer and parameter inputs (scales, sizes, pads, axes, shapes) need their value when the plan is made")
                }
                constants[input.name] = c
            }
            values[input.name] = info
        }
        for name in given.keys where values[name] == nil {
            throw InferenceError.badInput(name: name, reason: "the model has no such input")
        }

        var steps: [Step] = []
        for node in graph.nodes {
            let p = node.proto
            let ins: [ValueInfo?] = p.inputs.map { $0.isEmpty ? nil : values[$0] }
            let fail = { (reason: String) in InferenceError.invalidNode(node: p.displayName, op: p.opType, reason: reason) }
            do {
                let allConstant = ins.allSatisfy { $0 == nil || $0?.constant != nil }
                if allConstant {
                    let outs = try node.op.evaluate(ins.map { $0?.constant })
                    for (name, t) in zip(p.outputs, outs) where !name.isEmpty {
                        constants[name] = t
                        values[name] = ValueInfo(constant: t)
                    }
                    continue
                }
                let outs = try node.op.inferOutputs(ins)
                guard outs.count >= p.outputs.filter({ !$0.isEmpty }).count || outs.count == p.outputs.count else {
                    throw OperatorFailure("produces \(outs.count) outputs, the node names \(p.outputs.count)")
                }
                var runtimeOutputs: [String] = []
                for (name, info) in zip(p.outputs, outs) where !name.isEmpty {
                    values[name] = info
                    if let c = info.constant {
                        constants[name] = c
                    } else {
                        runtimeOutputs.append(name)
                    }
                }
                for case let info? in ins where info.constant == nil && !info.dataType.isRuntime {
                    throw OperatorFailure("integer input is only known at run time; only float32 (and bool) tensors are computed at run time")
                }
                let integerOutputs = Set(node.op.runtimeIntegerOutputs.compactMap { $0 < p.outputs.count ? p.outputs[$0] : nil })
                for name in runtimeOutputs where !(values[name]?.dataType.isRuntime ?? true) && !integerOutputs.contains(name) {
                    throw OperatorFailure("output \(name) of type \(values[name]!.dataType) would only be known at run time")
                }
                if !runtimeOutputs.isEmpty {
                    steps.append(Step(name: p.displayName, opType: p.opType, op: try node.op.bound(to: ins), inputs: p.inputs,
                                      outputs: p.outputs.map { values[$0]?.constant == nil ? $0 : "" }))
                }
            } catch let f as OperatorFailure {
                throw fail(f.reason)
            }
        }
        self.steps = steps
        // Values keep shapes and types only; `constants` is the one owner of constant
        // data, so folding and the session's constant store can free it.
        for key in Array(values.keys) { values[key]!.constant = nil }
        self.values = values
        self.constants = constants
        self.inputs = runtimeInputs
        self.outputs = graph.outputs
        pruneDeadSteps()
    }

    /// Drops steps none of whose outputs reach a graph output.
    mutating func pruneDeadSteps() {
        var live = Set(outputs)
        var kept: [Step] = []
        for step in steps.reversed() where step.outputs.contains(where: { live.contains($0) }) {
            kept.append(step)
            live.formUnion(step.inputs.filter { !$0.isEmpty })
        }
        steps = kept.reversed()
    }

    public var stepCount: Int { steps.count }
    public var stepOpTypes: [String] { steps.map(\.opType) }
}
