import Testing
@testable import Inference

@Suite struct GraphValidationTests {
    @Test func decodesAModelFromWireBytesAndRunsIt() throws {
        let bytes = ProtoWriter.model(opset: 13, nodes: [("Relu", "", ["x"], ["y"])], input: ("x", [1, 4]), output: "y")
        let model = try ModelProto(bytes: bytes)
        #expect(model.opsets[""] == 13)
        #expect(model.graph.nodes.map(\.opType) == ["Relu"])
        let graph = try Graph(model: model)
        let session = try Session(graph: graph, inputs: ["x": Tensor(shape: [1, 4], floats: [-1, 2, -3, 4])])
        #expect(try session.run(["x": Tensor(shape: [1, 4], floats: [-1, 2, -3, 4])])["y"]?.floats == [0, 2, 0, 4])
    }

    @Test func listsEveryUnsupportedOperatorInOneError() throws {
        let bytes = ProtoWriter.model(opset: 13, nodes: [
            ("Relu", "", ["x"], ["a"]),
            ("Einsum", "", ["a"], ["b"]),
            ("FancyOp", "com.example", ["b"], ["c"]),
            ("Einsum", "", ["c"], ["d"]),
            ("NonZero", "", ["d"], ["y"]),
        ], input: ("x", [1, 4]), output: "y")
        do {
            _ = try Graph(bytes: bytes)
            Issue.record("expected the load to fail")
        } catch let InferenceError.unsupportedOperators(ops) {
            #expect(ops.map(\.description) == ["Einsum (ai.onnx, opset 13)", "FancyOp (com.example, opset 0)", "NonZero (ai.onnx, opset 13)"])
            #expect(InferenceError.unsupportedOperators(ops).problem.contains("Einsum (ai.onnx, opset 13); FancyOp"))
        }
    }

    @Test func refusesOpsetsOutsideTheSupportedRange() {
        let bytes = ProtoWriter.model(opset: 26, nodes: [("Relu", "", ["x"], ["y"])], input: ("x", [1]), output: "y")
        #expect(throws: InferenceError.self) { try Graph(bytes: bytes) }
    }

    @Test func refusesUnsupportedAttributeValuesAtLoad() throws {
        let node = NodeProto(opType: "Pad", inputs: ["x"], outputs: ["y"],
                             attributes: [AttributeProto(name: "mode", value: .string("circular"))])
        var model = ModelProto()
        model.opsets[""] = 12
        model.graph.nodes = [node]
        model.graph.inputs = [ValueInfoProto(name: "x", elementType: 1, shape: [.fixed(1), .fixed(1), .fixed(2), .fixed(2)])]
        model.graph.outputs = [ValueInfoProto(name: "y", elementType: 1, shape: nil)]
        #expect(throws: InferenceError.unsupportedOperators([UnsupportedOperator(opType: "Pad", domain: "", opset: 12, reason: "mode circular")])) {
            try Graph(model: model)
        }
    }

    @Test func rejectsUseBeforeDefinition() {
        let bytes = ProtoWriter.model(opset: 13, nodes: [("Relu", "", ["z"], ["y"])], input: ("x", [1]), output: "y")
        #expect(throws: InferenceError.self) { try Graph(bytes: bytes) }
    }

    @Test func infersShapesAndFoldsShapeArithmetic() throws {
        // Shape → Gather → Unsqueeze → Concat → Reshape: the PyTorch flatten idiom.
        var model = ModelProto()
        model.opsets[""] = 13
        model.graph.inputs = [ValueInfoProto(name: "x", elementType: 1, shape: [.fixed(2), .fixed(3), .fixed(4)])]
        model.graph.initializers = [
            TensorProto(name: "zero", tensor: Tensor(shape: [], ints: [0])),
            TensorProto(name: "axes", tensor: Tensor(shape: [1], ints: [0])),
            TensorProto(name: "minus1", tensor: Tensor(shape: [1], ints: [-1])),
        ]
        model.graph.nodes = [
            NodeProto(opType: "Shape", inputs: ["x"], outputs: ["s"]),
            NodeProto(opType: "Gather", inputs: ["s", "zero"], outputs: ["n"]),
            NodeProto(opType: "Unsqueeze", inputs: ["n", "axes"], outputs: ["n1"]),
            NodeProto(opType: "Concat", inputs: ["n1", "minus1"], outputs: ["shape"],
                      attributes: [AttributeProto(name: "axis", value: .int(0))]),
            NodeProto(opType: "Reshape", inputs: ["x", "shape"], outputs: ["y"]),
        ]
        model.graph.outputs = [ValueInfoProto(name: "y", elementType: 1, shape: nil)]
        let bound = try BoundGraph(graph: try Graph(model: model), inputs: ["x": ValueInfo(shape: [2, 3, 4])])
        #expect(bound.constants["shape"] == Tensor(shape: [2], ints: [2, -1]))
        #expect(bound.values["y"]?.shape == [2, 12])
        #expect(bound.stepOpTypes == ["Reshape"])
    }
}
