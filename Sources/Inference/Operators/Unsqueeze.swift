/// ONNX Unsqueeze: inserts size-1 axes at the listed output positions.
/// Axes are an attribute before opset 13 and an input from 13.
struct Unsqueeze: ReshapingOperator {
    let axes: [Int]?

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        Unsqueeze(axes: opset < 13 ? try Attributes(node).ints("axes") : nil)
    }

    func outputShape(_ inputs: [ValueInfo?]) throws -> [Int] {
        let shape = inputs[0]!.shape
        guard let list = try axesParameter(attribute: axes, inputs: inputs, index: 1) else { throw OperatorFailure("needs axes") }
        let rank = shape.count + list.count
        let insert = Set(try list.map { try Shape.axis($0, rank: rank) })
        guard insert.count == list.count else { throw OperatorFailure("repeated axes \(list)") }
        var out: [Int] = []
        var it = shape.makeIterator()
        for i in 0..<rank { out.append(insert.contains(i) ? 1 : it.next()!) }
        return out
    }
}
