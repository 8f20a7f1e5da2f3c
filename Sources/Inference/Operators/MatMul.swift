/// ONNX MatMul with numpy semantics: 1-D operands are promoted (and the added
/// axis removed), leading batch dimensions broadcast.
struct MatMul: Operator {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator { MatMul() }

    struct Dims { var batch: [Int]; var m: Int; var k: Int; var n: Int; var out: [Int]; var aBatch: [Int]; var bBatch: [Int] }

    func dims(_ a: [Int], _ b: [Int]) throws -> Dims {
        guard !a.isEmpty, !b.isEmpty else { throw OperatorFailure("MatMul needs operands of rank ≥ 1") }
        let a2 = a.count == 1 ? [1, a[0]] : a
        let b2 = b.count == 1 ? [b[0], 1] : b
        let m = a2[a2.count - 2], k = a2[a2.count - 1], kb = b2[b2.count - 2], n = b2[b2.count - 1]
        guard k == kb else { throw OperatorFailure("inner dimensions differ: \(a) × \(b)") }
        let aBatch = Array(a2.dropLast(2)), bBatch = Array(b2.dropLast(2))
        let batch = try Shape.broadcast([aBatch, bBatch])
        var out = batch
        if a.count > 1 { out.append(m) }
        if b.count > 1 { out.append(n) }
        return Dims(batch: batch, m: m, k: k, n: n, out: out, aBatch: aBatch, bBatch: bBatch)
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard inputs.count == 2, let a = inputs[0], let b = inputs[1] else { throw OperatorFailure("needs two inputs") }
        return [ValueInfo(shape: try dims(a.shape, b.shape).out)]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let a = inputs[0]!, b = inputs[1]!, y = outputs[0]
        guard let d = try? dims(a.shape, b.shape) else { return }
        let batches = d.batch.reduce(1, *)
        let mk = d.m * d.k, kn = d.k * d.n, mn = d.m * d.n
        for t in 0..<batches {
            // Offsets in units of whole matrices.
            let oa = batches == 1 ? 0 : matrixIndex(t, d.batch, d.aBatch)
            let ob = batches == 1 ? 0 : matrixIndex(t, d.batch, d.bBatch)
            let pa = a.data + oa * mk, pb = b.data + ob * kn, py = y.data + t * mn
            if context.kernels == .reference {
                for i in 0..<d.m {
                    for j in 0..<d.n {
                        var s: Float = 0
                        for p in 0..<d.k { s += pa[i * d.k + p] * pb[p * d.n + j] }
                        py[i * d.n + j] = s
                    }
                }
            } else {
                ParallelGEMM.sgemm(m: d.m, n: d.n, k: d.k, a: pa, lda: d.k, b: pb, ldb: d.n, c: py, ldc: d.n, threads: context.threads)
            }
        }
    }

    /// Index of the operand matrix used by output batch `t` under broadcasting.
    private func matrixIndex(_ t: Int, _ batch: [Int], _ own: [Int]) -> Int {
        var rem = t, idx = 0, mul = 1
        for d in stride(from: batch.count - 1, through: 0, by: -1) {
            let coord = rem % batch[d]
            rem /= batch[d]
            let od = d - (batch.count - own.count)
            if od >= 0 {
                if own[od] != 1 { idx += coord * mul }
                mul *= own[od]
            }
        }
        return idx
    }
}
