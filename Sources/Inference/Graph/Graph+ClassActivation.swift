/// Where a classifier's class activation map comes from when the model has no
/// CAM output of its own (a site's torchvision export, say): gradient-free,
/// from the graph alone.
///
/// Walking back from the score output through the head — Sigmoid, Identity,
/// Flatten, Reshape, Squeeze, a constant-bias Add, one Gemm or MatMul with
/// constant weights — to a global average pool (GlobalAveragePool, or
/// ReduceMean over the two spatial axes) gives the map the classifier sees and
/// the linear weights of that score: CAM = Σ_c w_c·F_c (Zhou et al. 2016),
/// whose spatial mean plus the head's bias is the logit. When the head has any other shape, the
/// map is the channel mean of the last convolution's output.
public struct ClassActivationSource: Sendable, Equatable {
    /// The [1, C, h, w] value to expose as an extra output.
    public var featureMap: String
    /// Per-channel weights of the score's logit, and its bias; nil: channel mean.
    public var weights: [Float]?
    public var bias: Float

    /// [h·w] map from the feature map's values: the logit's contributions (as a
    /// model's own `cam` output holds them), without the bias.
    public func map(_ features: [Float], channels: Int, plane: Int) -> [Float] {
        var out = [Float](repeating: 0, count: plane)
        for c in 0..<channels {
            let w = weights?[c] ?? 1 / Float(channels)
            let base = c * plane
            for i in 0..<plane { out[i] += w * features[base + i] }
        }
        return out
    }
}

extension Graph {
    /// Exposes an intermediate value as a graph output too.
    public mutating func addOutput(_ name: String) {
        if !outputs.contains(name) { outputs.append(name) }
    }

    /// The CAM source for the single-unit score `output`, or nil when the graph
    /// has neither a pooled linear head nor a convolution.
    public func classActivationSource(for output: String) -> ClassActivationSource? {
        var producer: [String: NodeProto] = [:]
        for n in nodes { for o in n.proto.outputs where !o.isEmpty { producer[o] = n.proto } }
        var name = output
        var weights: [Float]?
        var bias: Float = 0
        walk: while let node = producer[name] {
            switch node.opType {
            case "Sigmoid", "Identity", "Flatten", "Reshape", "Squeeze", "Dropout":
                name = node.inputs[0]
            case "Add":
                guard node.inputs.count == 2 else { break walk }
                if let c = initializers[node.inputs[1]], c.count == 1, c.dataType == .float { bias += c.floats[0]; name = node.inputs[0] }
                else if let c = initializers[node.inputs[0]], c.count == 1, c.dataType == .float { bias += c.floats[0]; name = node.inputs[1] }
                else { break walk }
            case "Gemm", "MatMul":
                guard weights == nil, node.inputs.count >= 2, let w = initializers[node.inputs[1]], w.dataType == .float, w.rank == 2 else { break walk }
                let a = Attributes(node)
                let transA = (try? a.int("transA", 0)) ?? 0, transB = (try? a.int("transB", 0)) ?? 0
                let alpha = (try? a.float("alpha", 1)) ?? 1, beta = (try? a.float("beta", 1)) ?? 1
                guard transA == 0 else { break walk }
                // One output unit: B is [C, 1], or [1, C] transposed.
                let column = node.opType == "Gemm" && transB == 1
                guard (column ? w.shape[0] : w.shape[1]) == 1 else { break walk }
                weights = w.floats.map { $0 * (node.opType == "Gemm" ? alpha : 1) }
                if node.opType == "Gemm", node.inputs.count > 2, let c = initializers[node.inputs[2]], c.count == 1, c.dataType == .float {
                    bias += beta * c.floats[0]
                }
                name = node.inputs[0]
            case "GlobalAveragePool":
                return ClassActivationSource(featureMap: node.inputs[0], weights: weights, bias: weights == nil ? 0 : bias)
            case "ReduceMean":
                let axes = (try? Attributes(node).ints("axes")) ?? node.inputs.dropFirst().first.flatMap { initializers[$0]?.int64Values.map { Int($0) } }
                guard let axes, Set(axes) == [2, 3] || Set(axes) == [-1, -2] else { break walk }
                return ClassActivationSource(featureMap: node.inputs[0], weights: weights, bias: weights == nil ? 0 : bias)
            default:
                break walk
            }
        }
        guard let conv = nodes.last(where: { $0.proto.opType == "Conv" }), let y = conv.proto.outputs.first else { return nil }
        return ClassActivationSource(featureMap: y, weights: nil, bias: 0)
    }
}
