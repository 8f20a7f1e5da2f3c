import Testing
@testable import Inference

/// Where the engine finds a CAM for a classifier without a `cam` output.
@Suite struct ClassActivationSourceTests {
    static let w = Tensor(shape: [3, 2, 1, 1], floats: [1, 0, 0, 1, 1, 1])

    @Test func pooledLinearHeadGivesWeightedMap() throws {
        let g = try Graph.build([
            NodeProto(opType: "Conv", inputs: ["x", "w"], outputs: ["f"]),
            NodeProto(opType: "ReduceMean", inputs: ["f"], outputs: ["p"], attributes: [AttributeProto(name: "axes", value: .ints([2, 3]))]),
            NodeProto(opType: "Flatten", inputs: ["p"], outputs: ["v"]),
            NodeProto(opType: "MatMul", inputs: ["v", "fc"], outputs: ["m"]),
            NodeProto(opType: "Add", inputs: ["m", "b"], outputs: ["score"]),
        ], inputs: [("x", [1, 2, 4, 4])], initializers: ["w": Self.w, "fc": Tensor(shape: [3, 1], floats: [2, -1, 0.5]),
                                                         "b": Tensor(shape: [1], floats: [0.25])], outputs: ["score"], opset: 13)
        let s = try #require(g.classActivationSource(for: "score"))
        #expect(s == ClassActivationSource(featureMap: "f", weights: [2, -1, 0.5], bias: 0.25))
        let want: [Float] = [1.5, 3]  // 2·1 − 1·3 + 0.5·5, 2·2 − 1·4 + 0.5·6
        #expect(s.map([1, 2, 3, 4, 5, 6], channels: 3, plane: 2) == want)
    }

    @Test func anyOtherHeadFallsBackToTheLastConvolutionsChannelMean() throws {
        let g = try Graph.build([
            NodeProto(opType: "Conv", inputs: ["x", "w"], outputs: ["f"]),
            NodeProto(opType: "GlobalMaxPool", inputs: ["f"], outputs: ["p"]),
            NodeProto(opType: "Flatten", inputs: ["p"], outputs: ["score"]),
        ], inputs: [("x", [1, 2, 4, 4])], initializers: ["w": Self.w], outputs: ["score"], opset: 13)
        let s = try #require(g.classActivationSource(for: "score"))
        #expect(s == ClassActivationSource(featureMap: "f", weights: nil, bias: 0))
        let mean: [Float] = [3, 6]
        #expect(s.map([3, 6, 3, 6, 3, 6], channels: 3, plane: 2) == mean)
    }

    @Test func noConvolutionNoSource() throws {
        let g = try Graph.build([NodeProto(opType: "Relu", inputs: ["x"], outputs: ["score"])],
                                inputs: [("x", [1, 1])], outputs: ["score"], opset: 13)
        #expect(g.classActivationSource(for: "score") == nil)
    }
}
