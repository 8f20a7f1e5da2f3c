/// ONNX Sum: elementwise sum of any number of inputs, with broadcasting.
struct Sum: Operator {
    /// Set by the rewriter when a Relu (or other activation) follows (ResNet's residual joins).
    var activation: Activation = .identity

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { Sum() }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        let present = inputs.compactMap { $0 }
        guard let first = present.first else { throw OperatorFailure("needs at least one input") }
        return [ValueInfo(shape: try Shape.broadcast(present.map(\.shape)), dataType: first.dataType)]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let xs = inputs.compactMap { $0 }, y = outputs[0]
        if xs.count == 1 {
            copyIfDistinct(xs[0], y)
            return
        }
        broadcastBinary(.add, xs[0], xs[1], y, threads: context.threads)
        for x in xs.dropFirst(2) { broadcastBinary(.add, y, x, y, threads: context.threads) }
        if activation != .identity {
            let f = activation
            parallelFor(y.count, threads: context.threads, minChunk: 16384) { r in
                f.apply(y.data + r.lowerBound, y.data + r.lowerBound, count: r.count)
            }
        }
    }

    /// Input 0 may be overwritten when it already has the output's size (the planner checks).
    var inPlaceInput: Int? { 0 }
}
