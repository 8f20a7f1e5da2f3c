import Inference

/// ONNX import: protobuf → ModelProto → Graph (rejects unsupported ops up front)
/// → Session (shape inference and planning for the declared input shapes, with
/// unknown dimensions taken as 1). Running kernels is left out: the target is
/// what a model file can claim, not arithmetic.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzONNX(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = FuzzCheck.bytes(data, size)
    do {
        let graph = try Graph(bytes: bytes)
        var infos: [String: ValueInfo] = [:]
        for input in graph.inputs {
            let dims = (input.dims ?? []).map { $0 ?? 1 }
            // a header may claim any size; the planner must refuse, not allocate, huge ones
            infos[input.name] = ValueInfo(shape: dims, dataType: input.dataType)
        }
        _ = try Session(graph: graph, inputInfos: infos, options: .reference)
    } catch {
        FuzzCheck.cleanError(error, file: "")
    }
    return 0
}
