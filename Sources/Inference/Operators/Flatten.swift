/// ONNX Flatten: 2-D [prod(dims before axis), prod(dims from axis)], axis 1 by default.
struct Flatten: ReshapingOperator {
    let axis: Int

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        Flatten(axis: try Attributes(node).int("axis", 1))
    }

    func outputShape(_ inputs: [ValueInfo?]) throws -> [Int] {
        let shape = inputs[0]!.shape
        let a = axis < 0 ? axis + shape.count : axis
        guard a >= 0 && a <= shape.count else { throw OperatorFailure("axis \(axis) out of range for rank \(shape.count)") }
        return [shape[..<a].reduce(1, *), shape[a...].reduce(1, *)]
    }
}
