/// ONNX Where: condition ? X : Y with three-way broadcasting.
struct Where: Operator {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { Where() }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard inputs.count == 3, let c = inputs[0], let x = inputs[1], let y = inputs[2] else { throw OperatorFailure("needs condition, X and Y") }
        guard x.dataType == y.dataType else { throw OperatorFailure("X and Y types differ") }
        return [ValueInfo(shape: try Shape.broadcast([c.shape, x.shape, y.shape]), dataType: x.dataType)]
    }

    static func select<T>(_ c: (Int) -> Bool, _ x: UnsafePointer<T>, _ y: UnsafePointer<T>, layout: BroadcastLayout,
                          _ out: UnsafeMutablePointer<T>, count: Int) {
        let inner = layout.dims.last!
        let sc = layout.strides[0].last!, sx = layout.strides[1].last!, sy = layout.strides[2].last!
        for row in 0..<(count / max(inner, 1)) {
            let oc = layout.offsets(row: row, 0), ox = layout.offsets(row: row, 1), oy = layout.offsets(row: row, 2)
            for i in 0..<inner { out[row * inner + i] = c(oc + i * sc) ? x[ox + i * sx] : y[oy + i * sy] }
        }
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let c = inputs[0]!, x = inputs[1]!, y = inputs[2]!, out = outputs[0]
        let layout = BroadcastLayout(output: out.shape, operands: [c.shape, x.shape, y.shape])
        Self.select({ c.data[$0] != 0 }, x.data, y.data, layout: layout, out.data, count: out.count)
    }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard inputs.count == 3, let c = inputs[0], let x = inputs[1], let y = inputs[2] else { throw OperatorFailure("needs condition, X and Y") }
        let info = try inferOutputs(inputs.map { $0.map(ValueInfo.init(constant:)) })[0]
        if x.dataType.isRuntime { return try evaluateFloat(inputs) }
        let layout = BroadcastLayout(output: info.shape, operands: [c.shape, x.shape, y.shape])
        let cond = c.int64Values
        var out = [Int64](repeating: 0, count: info.count)
        x.ints.withUnsafeBufferPointer { xp in y.ints.withUnsafeBufferPointer { yp in out.withUnsafeMutableBufferPointer { op in
            Self.select({ cond[$0] != 0 }, xp.baseAddress!, yp.baseAddress!, layout: layout, op.baseAddress!, count: info.count)
        } } }
        return [Tensor(shape: info.shape, ints: out, dataType: x.dataType)]
    }
}
