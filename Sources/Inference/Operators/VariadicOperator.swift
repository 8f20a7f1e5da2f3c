/// Shared shape of Min and Max: any number of inputs, broadcasting.
struct VariadicOperator: Operator {
    let kind: BinaryKind

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        let present = inputs.compactMap { $0 }
        guard let first = present.first else { throw OperatorFailure("needs at least one input") }
        return [ValueInfo(shape: try Shape.broadcast(present.map(\.shape)), dataType: first.dataType)]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let xs = inputs.compactMap { $0 }, y = outputs[0]
        if xs.count == 1 { broadcastCopy(xs[0], y); return }
        broadcastBinary(kind, xs[0], xs[1], y, threads: context.threads)
        for x in xs.dropFirst(2) { broadcastBinary(kind, y, x, y, threads: context.threads) }
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        let xs = inputs.compactMap { $0 }
        guard let first = xs.first else { throw OperatorFailure("needs at least one input") }
        if first.dataType.isRuntime { return try evaluateFloat(inputs) }
        var acc = first
        for x in xs.dropFirst() {
            let shape = try Shape.broadcast([acc.shape, x.shape])
            acc = Tensor(shape: shape, ints: broadcastBinary(kind, acc, x, shape: shape), dataType: first.dataType)
        }
        return [acc]
    }
}
