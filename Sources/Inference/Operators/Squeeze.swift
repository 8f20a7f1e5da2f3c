/// ONNX Squeeze: removes the listed size-1 axes (all size-1 axes when none are given).
/// Axes are an attribute before opset 13 and an input from 13.
struct Squeeze: ReshapingOperator {
    let axes: [Int]?

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        Squeeze(axes: opset < 13 ? try Attributes(node).ints("axes") : nil)
    }

    func outputShape(_ inputs: [ValueInfo?]) throws -> [Int] {
        let shape = inputs[0]!.shape
        guard let list = try axesParameter(attribute: axes, inputs: inputs, index: 1) else { return shape.filter { $0 != 1 } }
        let drop = Set(try list.map { try Shape.axis($0, rank: shape.count) })
        for a in drop where shape[a] != 1 { throw OperatorFailure("cannot squeeze axis \(a) of size \(shape[a])") }
        return shape.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
    }
}
