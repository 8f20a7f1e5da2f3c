/// Replaces eligible 3×3 convolutions by `WinogradConv` with weights
/// transformed once here. Only for optimized kernels, and only where the output
/// has enough 2×2 tiles for the 16 small GEMMs to beat one im2col GEMM.
extension BoundGraph {
    /// Fewer tiles than this and the GEMMs get too thin (measured on ResNet-50 / DenseNet-121).
    static let winogradMinimumTiles = 64

    mutating func useWinograd() {
        for i in steps.indices {
            guard let conv = steps[i].op as? Conv, let x = values[steps[i].inputs[0]]?.shape,
                  let w = constants[steps[i].inputs[1]], w.dataType == .float,
                  let wino = WinogradConv.eligible(conv, x: x, w: w.shape),
                  wino.layout(x).tiles >= Self.winogradMinimumTiles else { continue }
            let name = steps[i].name + "::winograd_weight"
            constants[name] = Tensor(shape: [16, w.shape[0], w.shape[1]],
                                     floats: Winograd.transformWeights(w.floats, m: w.shape[0], c: w.shape[1]))
            values[name] = ValueInfo(shape: [16, w.shape[0], w.shape[1]])
            let old = steps[i].inputs[1]
            steps[i].op = wino
            steps[i].opType = steps[i].opType.replacingOccurrences(of: "Conv", with: "Conv3x3Winograd")
            steps[i].inputs[1] = name
            dropConstantIfUnused(old)
        }
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard let r = firstRange(of: target) else { return self }
        return String(self[..<r.lowerBound]) + replacement + String(self[r.upperBound...])
    }
}
