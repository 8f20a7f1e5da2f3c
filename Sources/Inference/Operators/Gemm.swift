/// ONNX Gemm: Y = alpha·op(A)·op(B) + beta·C, C broadcast to [M, N] (optional
/// from opset 11). An activation may be fused in by the rewriter.
struct Gemm: Operator {
    var alpha: Float
    var beta: Float
    var transA: Bool
    var transB: Bool
    var activation: Activation = .identity

    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        let a = Attributes(node)
        return Gemm(alpha: try a.float("alpha", 1), beta: try a.float("beta", 1),
                    transA: try a.int("transA", 0) != 0, transB: try a.int("transB", 0) != 0)
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard inputs.count >= 2, let a = inputs[0], let b = inputs[1], a.shape.count == 2, b.shape.count == 2 else {
            throw OperatorFailure("needs 2-D A and B")
        }
        let (m, k) = transA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
        let (k2, n) = transB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
        guard k == k2 else { throw OperatorFailure("inner dimensions differ: A \(a.shape), B \(b.shape)") }
        if inputs.count > 2, let c = inputs[2] {
            guard (try? Shape.broadcast([c.shape, [m, n]])) == [m, n] else { throw OperatorFailure("C \(c.shape) does not broadcast to [\(m), \(n)]") }
        }
        return [ValueInfo(shape: [m, n])]
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let a = inputs[0]!, b = inputs[1]!, y = outputs[0]
        let m = y.shape[0], n = y.shape[1]
        let k = transA ? a.shape[0] : a.shape[1]
        var beta: Float = 0
        if inputs.count > 2, let c = inputs[2], self.beta != 0 {
            // Y starts as C broadcast; GEMM then accumulates into it.
            broadcastCopy(c, y)
            beta = self.beta
        }
        if context.kernels == .reference {
            for i in 0..<m {
                for j in 0..<n {
                    var s: Float = 0
                    for p in 0..<k {
                        let av = transA ? a.data[p * m + i] : a.data[i * k + p]
                        let bv = transB ? b.data[j * k + p] : b.data[p * n + j]
                        s += av * bv
                    }
                    y.data[i * n + j] = alpha * s + (beta == 0 ? 0 : beta * y.data[i * n + j])
                }
            }
        } else {
            ParallelGEMM.sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a.data, lda: a.shape[1],
                               b: b.data, ldb: b.shape[1], beta: beta, c: y.data, ldc: n, threads: context.threads)
        }
        if activation != .identity { activation.apply(y.data, y.data, count: m * n) }
    }
}
