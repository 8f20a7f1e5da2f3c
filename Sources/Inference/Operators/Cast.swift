/// ONNX Cast (target type from `to`) and CastLike (from input 1's type). At run
/// time float32 and bool (both held as floats) convert into each other;
/// integer casts are folded when the plan is made.
struct Cast: Operator {
    /// nil: CastLike, the type of input 1.
    let to: DataType?

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        let code = try Attributes(node).int("to", 0)
        guard let t = DataType(rawValue: code), t != .string else { throw UnsupportedFeature("casts to element type #\(code) are not supported") }
        return Cast(to: t)
    }

    static func makeLike(_ node: NodeProto, opset: Int) throws -> any Operator { Cast(to: nil) }

    private func target(_ inputs: [ValueInfo?]) throws -> DataType {
        if let to { return to }
        guard inputs.count == 2, let like = inputs[1] else { throw OperatorFailure("needs input and target") }
        return like.dataType
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        var t = try target(inputs)
        if t.isFloating { t = .float }
        let runtimeOK = x.dataType.isRuntime && t.isRuntime && (to != nil || t == x.dataType || t == .float)
        if x.constant == nil && !runtimeOK {
            throw OperatorFailure("cast from \(x.dataType) to \(t) at run time is not supported")
        }
        return [ValueInfo(shape: x.shape, dataType: t)]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let x = inputs[0]!, y = outputs[0]
        if to == .bool {
            for i in 0..<y.count { y.data[i] = x.data[i] != 0 ? 1 : 0 }
        } else {
            copyIfDistinct(x, y)
        }
    }

    /// Float and bool share the float buffers: only a cast to bool changes values (to 0/1).
    var isAlias: Bool { to != .bool }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] {
        guard let x = inputs.first ?? nil else { throw OperatorFailure("needs an input") }
        let t = try target(inputs.map { $0.map(ValueInfo.init(constant:)) })
        if t.isFloating {
            return [Tensor(shape: x.shape, floats: x.dataType.isFloating ? x.floats : x.ints.map { Float($0) })]
        }
        if t == .bool {
            let truth = x.dataType.isFloating ? x.floats.map { $0 != 0 } : x.ints.map { $0 != 0 }
            return [Tensor(shape: x.shape, ints: truth.map { $0 ? 1 : 0 }, dataType: .bool)]
        }
        // Float to integer truncates toward zero, as C and onnxruntime do.
        let ints = x.dataType.isFloating ? x.floats.map { $0.isFinite ? Int64($0) : 0 } : x.ints
        return [Tensor(shape: x.shape, ints: ints, dataType: t)]
    }
}
