/// ONNX LogSoftmax: Softmax's axis rules, log of the result computed stably
/// as x − max − log Σ exp(x − max).
enum LogSoftmax {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        var s = try Softmax.make(node, opset: opset) as! Softmax
        s.log = true
        return s
    }
}
