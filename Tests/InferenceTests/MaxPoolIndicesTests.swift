import Testing
@testable import Inference

/// MaxPool's Indices output: int64, the same shape as Y, each pointing at an input element
/// equal to the pooled maximum (ONNX conformance against onnx's reference is in
/// FixtureTests' `maxpool_indices` and the two `with_argmax` node cases).
@Suite struct MaxPoolIndicesTests {
    static func graph(storageOrder: Int, shape: [Int], withIndices: Bool = true, initializer: Tensor? = nil) throws -> Graph {
        let node = NodeProto(opType: "MaxPool", inputs: ["x"], outputs: withIndices ? ["y", "i"] : ["y"], attributes: [
            SingleNode.ints("kernel_shape", [3, 2]), SingleNode.ints("strides", [2, 1]), SingleNode.ints("pads", [1, 0, 1, 1]),
            SingleNode.int("storage_order", storageOrder)])
        return try SingleNode.graph([node], inputs: initializer == nil ? [("x", shape)] : [],
                                    initializers: initializer.map { ["x": $0] } ?? [:], outputs: withIndices ? ["y", "i"] : ["y"])
    }

    /// Row-major flat index of the element `index` points at, for either storage order.
    static func rowMajor(_ index: Int64, shape: [Int], columnMajor: Bool) -> Int {
        let (h, w) = (shape[2], shape[3]), plane = h * w
        let p = Int(index) / plane, s = Int(index) % plane
        return columnMajor ? p * plane + (s % h) * w + s / h : Int(index)
    }

    @Test(arguments: [0, 1])
    func indicesAreInt64AndPointAtTheMaximum(storageOrder: Int) throws {
        var r = TestRandom(seed: 91 + UInt64(storageOrder))
        let shape = [2, 3, 7, 5]
        let x = Tensor(shape: shape, floats: r.floats(shape.reduce(1, *)))
        for options in [Session.Options.reference, Session.Options(threads: 2)] {
            let out = try Session(graph: try Self.graph(storageOrder: storageOrder, shape: shape), inputs: ["x": x], options: options).run(["x": x])
            let y = try #require(out["y"]), i = try #require(out["i"])
            #expect(i.dataType == .int64)
            #expect(i.shape == y.shape)
            for (k, index) in i.ints.enumerated() {
                #expect(x.floats[Self.rowMajor(index, shape: shape, columnMajor: storageOrder == 1)] == y.floats[k])
            }
            // Asking for Indices takes the general loop; Y must not change.
            let plain = try Session(graph: try Self.graph(storageOrder: storageOrder, shape: shape, withIndices: false),
                                    inputs: ["x": x], options: options).run(["x": x])
            #expect(plain["y"]?.floats == y.floats)
        }
    }

    @Test func foldedIndicesMatchTheRuntimeOnes() throws {
        var r = TestRandom(seed: 7)
        let shape = [1, 2, 6, 4]
        let x = Tensor(shape: shape, floats: r.floats(shape.reduce(1, *)))
        let runtime = try Session(graph: try Self.graph(storageOrder: 1, shape: shape), inputs: ["x": x]).run(["x": x])
        let folded = try Session(graph: try Self.graph(storageOrder: 1, shape: shape, initializer: x), inputs: [:]).run([:])
        #expect(folded["i"]?.dataType == .int64)
        #expect(folded["i"] == runtime["i"])
        #expect(folded["y"] == runtime["y"])
    }

    /// Indices live in float buffers at run time, exact only below 2^24.
    @Test func refusesInputsTooLargeForExactIndices() throws {
        let shape = [1, 1, 4097, 4097]
        #expect(throws: InferenceError.self) {
            _ = try Session(graph: try Self.graph(storageOrder: 0, shape: shape), inputInfos: ["x": ValueInfo(shape: shape)])
        }
    }
}
