/// Internal operator the rewriter substitutes for eligible Conv nodes (3×3,
/// stride 1, no dilation, one group, constant weights) when optimized kernels
/// run: inputs X, U (Winograd-transformed weights [16, M, C]) and optional bias.
struct WinogradConv: Operator {
    var padTop: Int, padLeft: Int, padBottom: Int, padRight: Int
    var channels: Int, outputChannels: Int
    var activation: Activation

    /// The Winograd form of `conv` for input shape `x`, when it applies.
    static func eligible(_ conv: Conv, x: [Int], w: [Int]) -> WinogradConv? {
        guard x.count == 4, w.count == 4, w[2] == 3, w[3] == 3, conv.group == 1,
              let g = try? conv.resolve(x: x, w: w), g.strides == [1, 1], g.dilations == [1, 1] else { return nil }
        return WinogradConv(padTop: g.padBegin[0], padLeft: g.padBegin[1], padBottom: g.padEnd[0], padRight: g.padEnd[1],
                            channels: w[1], outputChannels: w[0], activation: conv.activation)
    }

    func layout(_ x: [Int]) -> Winograd.Layout {
        Winograd.Layout(c: channels, m: outputChannels, ih: x[2], iw: x[3],
                        oh: x[2] + padTop + padBottom - 2, ow: x[3] + padLeft + padRight - 2, padTop: padTop, padLeft: padLeft)
    }

    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo] {
        guard let x = inputs[0], x.shape.count == 4, x.shape[1] == channels else { throw OperatorFailure("input does not match the Winograd plan") }
        let l = layout(x.shape)
        return [ValueInfo(shape: [x.shape[0], outputChannels, l.oh, l.ow])]
    }

    func workspaceSize(inputs: [[Int]?], outputs: [[Int]]) -> Int {
        guard let x = inputs[0] else { return 0 }
        return layout(x).workspace
    }

    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext) {
        let x = inputs[0]!, u = inputs[1]!, y = outputs[0]
        let bias = inputs.count > 2 ? inputs[2] : nil
        let l = layout(x.shape)
        for b in 0..<x.shape[0] {
            Winograd.convolve(x.data + b * channels * l.ih * l.iw, u.data, bias?.data, y.data + b * outputChannels * l.oh * l.ow, l,
                              activation: activation, workspace: context.workspace, gemm: context.gemm)
        }
    }
}
