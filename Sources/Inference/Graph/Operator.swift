/// One ONNX operator with its attributes parsed once.
///
/// - `inferOutputs` computes output shapes and types (and values, for ops whose
///   result is known from shapes alone, such as Shape).
/// - `execute` runs float32 kernels on views placed by the planner.
/// - `evaluate` computes on host tensors; it folds constants at plan time and
///   handles integer tensors. The default runs `execute` on fresh buffers.
protocol Operator: Sendable {
    func inferOutputs(_ inputs: [ValueInfo?]) throws -> [ValueInfo]
    func execute(_ inputs: [TensorView?], _ outputs: [TensorView], _ context: ExecutionContext)
    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor]
    /// Scratch floats `execute` needs for these shapes.
    func workspaceSize(inputs: [[Int]?], outputs: [[Int]]) -> Int
    /// Index of an input whose buffer output 0 may overwrite (same size, read
    /// element-by-element before being written).
    var inPlaceInput: Int? { get }
    /// Output 0 is input 0 reinterpreted (Reshape, Flatten, ...): no copy needed.
    var isAlias: Bool { get }
    /// Inputs whose values (not just shapes) shape the output: scales, sizes,
    /// pads, axes, target shapes. A graph input feeding one is bound by value
    /// when the plan is made.
    var parameterInputs: Set<Int> { get }
    /// Integer (int64) outputs computed at run time, held in float buffers as exact
    /// integers (MaxPool's Indices); the operator keeps them below 2^24.
    var runtimeIntegerOutputs: Set<Int> { get }
    /// The operator with everything its constant inputs decide resolved, for
    /// the plan's fixed shapes, so `execute` has nothing left that can fail.
    func bound(to inputs: [ValueInfo?]) throws -> any Operator
}

extension Operator {
    func workspaceSize(inputs: [[Int]?], outputs: [[Int]]) -> Int { 0 }
    var inPlaceInput: Int? { nil }
    var isAlias: Bool { false }
    var parameterInputs: Set<Int> { [] }
    var runtimeIntegerOutputs: Set<Int> { [] }
    func bound(to inputs: [ValueInfo?]) throws -> any Operator { self }

    func evaluate(_ inputs: [Tensor?]) throws -> [Tensor] { try evaluateFloat(inputs) }

    /// Runs `execute` with the reference kernels on copies of float (or bool, as 0/1) inputs.
    func evaluateFloat(_ inputs: [Tensor?]) throws -> [Tensor] {
        // Integer parameter inputs (shapes, axes, indices) are read as exact floats, as
        // the session's constant store holds them at run time.
        let given = inputs.enumerated().map { i, t -> Tensor? in
            guard let t, !t.dataType.isRuntime, parameterInputs.contains(i) else { return t }
            return Tensor(shape: t.shape, floats: t.ints.map { Float($0) })
        }
        for case let t? in given where !t.dataType.isRuntime {
            throw OperatorFailure("input of type \(t.dataType) is not supported (this engine computes in float32)")
        }
        let infos = try inferOutputs(given.map { $0.map(ValueInfo.init(constant:)) })
        for (k, info) in infos.enumerated() where !info.dataType.isRuntime && !runtimeIntegerOutputs.contains(k) {
            throw OperatorFailure("output of type \(info.dataType) is not supported")
        }
        let inputs = given.map { $0.map { $0.dataType == .bool ? Tensor(shape: $0.shape, floats: $0.ints.map { Float($0) }) : $0 } }
        // Copies into owned buffers: the evaluate path is for small tensors and folding.
        let inViews: [TensorView?] = inputs.map { t in
            t.map { t in
                let p = UnsafeMutablePointer<Float>.allocate(capacity: max(t.count, 1))
                p.initialize(repeating: 0, count: max(t.count, 1))
                t.floats.withUnsafeBufferPointer { if let b = $0.baseAddress { p.update(from: b, count: t.count) } }
                return TensorView(data: p, shape: t.shape)
            }
        }
        let outViews: [TensorView] = infos.map { info in
            let p = UnsafeMutablePointer<Float>.allocate(capacity: max(info.count, 1))
            p.initialize(repeating: 0, count: max(info.count, 1))
            return TensorView(data: p, shape: info.shape)
        }
        let ws = max(workspaceSize(inputs: inputs.map { $0?.shape }, outputs: infos.map(\.shape)), 1)
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: ws)
        scratch.initialize(repeating: 0, count: ws)
        defer {
            for case let v? in inViews { v.data.deallocate() }
            for v in outViews { v.data.deallocate() }
            scratch.deallocate()
        }
        execute(inViews, outViews, ExecutionContext(threads: 1, kernels: .reference, workspace: scratch))
        let outs = outViews.map { Array($0.buffer) }
        return zip(infos, outs).map { info, values in
            switch info.dataType {
            case .bool: Tensor(shape: info.shape, ints: values.map { $0 != 0 ? 1 : 0 }, dataType: .bool)
            case .float: Tensor(shape: info.shape, floats: values)
            default: Tensor(shape: info.shape, ints: values.map { Int64($0) }, dataType: info.dataType)
            }
        }
    }
}

/// Which kernels `execute` uses: straightforward loops (the reference) or the
/// fast ones (BLAS, threads). Tests compare the two.
public enum KernelFlavour: Sendable { case reference, optimized }

/// What a kernel may use while running one node.
struct ExecutionContext {
    var threads: Int
    var kernels: KernelFlavour
    var workspace: UnsafeMutablePointer<Float>
    /// The SIMD variant of Lightbox's own kernels, and `threads` packing
    /// scratches for them (nil when only reference kernels run).
    var variant: KernelVariant = .generic
    var gemmScratch: UnsafeMutablePointer<Float>? = nil

    /// The convolution GEMM for this node; only optimized kernels call it.
    var gemm: KernelGEMM {
        guard let gemmScratch else { preconditionFailure("optimized kernels ran without GEMM scratch") }
        return KernelGEMM(variant: variant, threads: threads, scratch: gemmScratch)
    }
}
