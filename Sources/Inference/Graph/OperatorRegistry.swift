/// Operator type → constructor, for the default ONNX domain.
enum OperatorRegistry {
    typealias Factory = @Sendable (NodeProto, Int) throws -> any Operator

    static let factories: [String: Factory] = [
        "Conv": Conv.make, "ConvTranspose": ConvTranspose.make, "BatchNormalization": BatchNormalization.make,
        "Relu": Relu.make, "LeakyRelu": LeakyRelu.make, "PRelu": PRelu.make, "Sigmoid": Sigmoid.make, "Tanh": Tanh.make,
        "Clip": Clip.make, "HardSigmoid": HardSigmoid.make, "HardSwish": HardSwish.make, "Softmax": Softmax.make,
        "MaxPool": MaxPool.make, "AveragePool": AveragePool.make, "GlobalAveragePool": GlobalAveragePool.make,
        "GlobalMaxPool": GlobalMaxPool.make, "Gemm": Gemm.make, "MatMul": MatMul.make,
        "Add": Add.make, "Sub": Sub.make, "Mul": Mul.make, "Div": Div.make, "Sum": Sum.make,
        "Exp": Exp.make, "Sqrt": Sqrt.make, "Concat": Concat.make, "Flatten": Flatten.make, "Reshape": Reshape.make,
        "Transpose": Transpose.make, "Squeeze": Squeeze.make, "Unsqueeze": Unsqueeze.make,
        "Resize": Resize.make, "Upsample": Upsample.make, "Pad": Pad.make, "Dropout": Dropout.make,
        "Identity": Identity.make, "ReduceMean": ReduceMean.make, "Shape": ShapeOperator.make, "Gather": Gather.make,
        "Constant": Constant.make, "ConstantOfShape": ConstantOfShape.make, "LRN": LRN.make,
        "Expand": Expand.make, "GatherElements": GatherElements.make, "Less": Less.make, "Where": Where.make,
        "Min": Min.make, "Max": Max.make, "CastLike": Cast.makeLike, "Cast": Cast.make, "ReduceSum": ReduceSum.make, "ReduceMax": ReduceMax.make,
        "Pow": Pow.make, "Equal": Equal.make, "Greater": Greater.make, "GreaterOrEqual": GreaterOrEqual.make,
        "LessOrEqual": LessOrEqual.make, "And": And.make, "Or": Or.make, "Xor": Xor.make, "Not": Not.make,
        "Neg": Neg.make, "Abs": Abs.make, "Reciprocal": Reciprocal.make, "Floor": Floor.make, "Ceil": Ceil.make,
        "Log": Log.make, "Erf": Erf.make, "Gelu": Gelu.make, "Mish": Mish.make, "Softplus": Softplus.make, "Elu": Elu.make, "Selu": Selu.make, "Sign": Sign.make, "Shrink": Shrink.make, "InstanceNormalization": InstanceNormalization.make,
        "Slice": Slice.make, "Mod": Mod.make, "ScatterND": ScatterND.make, "Size": Size.make, "Split": Split.make, "Tile": Tile.make, "Range": RangeOperator.make,
        "LayerNormalization": LayerNormalization.make, "LogSoftmax": LogSoftmax.make,
    ]

    static var supportedTypes: [String] { factories.keys.sorted() }

    /// nil when the operator type is unknown.
    static func make(_ node: NodeProto, opset: Int) throws -> (any Operator)? {
        guard let f = factories[node.opType] else { return nil }
        return try f(node, opset)
    }
}
