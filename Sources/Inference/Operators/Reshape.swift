/// ONNX Reshape: 0 copies the input dimension (unless allowzero=1), -1 is inferred.
struct Reshape: ReshapingOperator {
    let allowZero: Bool

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        if opset < 5 { throw UnsupportedFeature("Reshape with the shape attribute (opset < 5)") }
        return Reshape(allowZero: try Attributes(node).int("allowzero", 0) != 0)
    }

    func outputShape(_ inputs: [ValueInfo?]) throws -> [Int] {
        guard let x = inputs[0], inputs.count > 1, let s = inputs[1] else { throw OperatorFailure("needs data and shape") }
        guard let spec = s.constant?.int64Values else { throw OperatorFailure("the shape input must be computable when the plan is made") }
        var shape = spec.enumerated().map { i, d -> Int in
            if d == 0 && !allowZero { return i < x.shape.count ? x.shape[i] : 0 }
            return Int(d)
        }
        let unknown = shape.indices.filter { shape[$0] == -1 }
        guard unknown.count <= 1 else { throw OperatorFailure("shape \(spec) has more than one -1") }
        if let u = unknown.first {
            let known = shape.enumerated().filter { $0.offset != u }.map(\.element).reduce(1, *)
            guard known > 0, x.count % known == 0 else { throw OperatorFailure("cannot reshape \(x.shape) to \(spec)") }
            shape[u] = x.count / known
        }
        return shape
    }
}
