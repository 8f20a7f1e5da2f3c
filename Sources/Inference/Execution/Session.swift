import Dispatch

/// A model ready to run on fixed input shapes: bound graph (shapes inferred,
/// constants folded, rewrites applied), an execution plan, one arena and a
/// store of constants converted to float32. Not thread-safe: one run at a time.
public final class Session {
    public struct Options: Sendable {
        public var threads: Int
        public var kernels: KernelFlavour
        /// Graph rewrites (BatchNorm folding, activation fusion).
        public var rewrite: Bool
        /// Arena reuse and in-place outputs.
        public var reuse: Bool
        /// Winograd F(2×2, 3×3) for eligible convolutions (optimized kernels with rewrites
        /// only). Off by default: on the reference machine it measured slower than
        /// im2col + OpenBLAS (Docs/ENGINE.md).
        public var winograd: Bool
        /// Stride-1 convolutions as accumulated GEMMs over a padded input, no im2col.
        public var shiftedConvolutions: Bool
        /// The SIMD variant of the engine's own kernels (optimized only); every
        /// variant gives the same bits, so this changes speed, never results.
        public var variant: KernelVariant

        public init(threads: Int = 1, kernels: KernelFlavour = .optimized, rewrite: Bool = true, reuse: Bool = true, winograd: Bool = false,
                    shiftedConvolutions: Bool = true, variant: KernelVariant = KernelSelection.variant) {
            self.threads = threads
            self.variant = variant
            self.shiftedConvolutions = shiftedConvolutions
            self.winograd = winograd
            self.kernels = kernels
            self.rewrite = rewrite
            self.reuse = reuse
        }

        /// Straight loops, no rewrites, no reuse: the reference every optimisation is checked against.
        public static let reference = Options(threads: 1, kernels: .reference, rewrite: false, reuse: false)
    }

    /// The bound graph; float constants moved into the session's store are dropped from it.
    public private(set) var bound: BoundGraph
    public let plan: ExecutionPlan
    public let options: Options
    private let arena: UnsafeMutablePointer<Float>
    private let constantStore: UnsafeMutablePointer<Float>
    /// One packing scratch per thread for the engine's GEMM.
    private let gemmScratch: UnsafeMutablePointer<Float>?
    private var constantOffsets: [String: Int] = [:]
    private var inputViews: [[TensorView?]] = []
    private var outputViews: [[TensorView]] = []

    /// Plans for the shapes (and integer values) of `inputs`.
    public convenience init(graph: consuming Graph, inputs: [String: Tensor], options: Options = Options()) throws {
        var infos: [String: ValueInfo] = [:]
        for (name, t) in inputs {
            infos[name] = ValueInfo(constant: t)
        }
        try self.init(graph: consume graph, inputInfos: infos, options: options)
    }

    public init(graph: consuming Graph, inputInfos: [String: ValueInfo], options: Options = Options()) throws {
        guard options.kernels == .reference || options.variant.isRunnable else {
            throw InferenceError.kernelVariant(name: options.variant.rawValue, reason: "this CPU cannot run it")
        }
        var bound = try BoundGraph(graph: consume graph, inputs: inputInfos)
        if options.rewrite {
            bound.rewrite()
            if options.kernels == .optimized && options.winograd { bound.useWinograd() }
            if options.kernels == .optimized && options.shiftedConvolutions { bound.useShiftedConvolutions() }
        }
        self.bound = bound
        self.options = options

        let requests = bound.steps.map { s in
            ExecutionPlan.StepRequest(
                inputs: s.inputs,
                outputs: s.outputs.map { ($0, $0.isEmpty ? 0 : bound.values[$0]!.count) },
                workspace: s.op.workspaceSize(inputs: s.inputs.map { $0.isEmpty ? nil : bound.values[$0]?.shape },
                                              outputs: s.outputs.map { bound.values[$0]?.shape ?? [] }),
                inPlaceInput: s.op.inPlaceInput, isAlias: s.op.isAlias)
        }
        let usedConstants = Set(bound.steps.flatMap(\.inputs).filter { bound.constants[$0] != nil })
        let plan = Planner(reuse: options.reuse).plan(
            steps: requests, inputs: bound.inputs.map { ($0, bound.values[$0]!.count) },
            constants: usedConstants, outputs: bound.outputs.filter { bound.constants[$0] == nil })
        self.plan = plan

        arena = .allocate(capacity: max(plan.arenaSize, 1))
        // Debug builds fill the arena with NaN so a kernel that reads memory it
        // did not write (instead of zeroing padding, say) fails the tests.
        #if DEBUG
        arena.initialize(repeating: .nan, count: max(plan.arenaSize, 1))
        #else
        arena.initialize(repeating: 0, count: max(plan.arenaSize, 1))
        #endif
        var total = 0
        var offsets: [String: Int] = [:]
        for name in usedConstants.sorted() {
            offsets[name] = total
            total += max(bound.constants[name]!.count, 1)
        }
        if options.kernels == .optimized {
            let floats = max(1, options.threads) * KernelGEMM.scratchFloats
            gemmScratch = .allocate(capacity: floats)
            gemmScratch!.initialize(repeating: 0, count: floats)
        } else {
            gemmScratch = nil
        }
        constantStore = .allocate(capacity: max(total, 1))
        constantStore.initialize(repeating: 0, count: max(total, 1))
        bound.constants = [:]  // self.bound keeps the only reference
        // Moved one at a time, so the store never coexists with a second full copy.
        for (name, off) in offsets.sorted(by: { $0.value < $1.value }) {
            let t = self.bound.constants[name]!
            let values = t.dataType.isFloating ? t.floats : t.ints.map { Float($0) }
            values.withUnsafeBufferPointer { if let b = $0.baseAddress { (constantStore + off).update(from: b, count: values.count) } }
            // Inputs bound by value stay: run() checks they did not change.
            if t.dataType == .float && !self.bound.outputs.contains(name) && inputInfos[name] == nil {
                self.bound.constants[name] = nil
            }
        }
        constantOffsets = offsets

        // Views are fixed for the life of the session: build them once.
        for (i, step) in bound.steps.enumerated() {
            let p = plan.steps[i]
            inputViews.append(zip(step.inputs, p.inputs).map { name, loc in
                loc.map { TensorView(data: pointer($0), shape: bound.values[name]!.shape) }
            })
            outputViews.append(zip(step.outputs, p.outputs).map { name, loc in
                TensorView(data: loc.map(pointer) ?? arena, shape: name.isEmpty ? [0] : bound.values[name]!.shape)
            })
        }
    }

    deinit {
        arena.deallocate()
        constantStore.deallocate()
        gemmScratch?.deallocate()
    }

    private func pointer(_ loc: ExecutionPlan.Location) -> UnsafeMutablePointer<Float> {
        switch loc {
        case .arena(let off): return arena + off
        case .constant(let name): return constantStore + constantOffsets[name]!
        }
    }

    /// Shapes of the graph outputs.
    public var outputShapes: [(name: String, shape: [Int])] {
        bound.outputs.map { ($0, bound.values[$0]?.shape ?? []) }
    }

    /// Runs once. `profile`, when given, accumulates seconds per operator type.
    public func run(_ inputs: [String: Tensor], profile: UnsafeMutablePointer<[String: Double]>? = nil) throws -> [String: Tensor] {
        for (name, t) in inputs where bound.constants[name] != nil && !bound.inputs.contains(name) {
            guard bound.constants[name] == t else {
                throw InferenceError.badInput(name: name, reason: "the plan was made for another value of this input; make a new session")
            }
        }
        for name in bound.inputs {
            guard let t = inputs[name] else { throw InferenceError.badInput(name: name, reason: "missing") }
            guard t.dataType == .float, t.shape == bound.values[name]!.shape else {
                throw InferenceError.badInput(name: name, reason: "expected float32 \(bound.values[name]!.shape), got \(t.dataType) \(t.shape)")
            }
            guard case .arena(let off)? = plan.locations[name] else { continue }
            t.floats.withUnsafeBufferPointer { if let b = $0.baseAddress { (arena + off).update(from: b, count: t.count) } }
        }
        // The engine splits GEMMs across its own threads (ParallelGEMM); OpenBLAS runs each chunk alone.
        if options.kernels == .optimized { BLAS.setThreads(1) }
        for (i, step) in bound.steps.enumerated() {
            let ws = plan.steps[i].workspace.map { arena + $0 } ?? arena
            let context = ExecutionContext(threads: options.threads, kernels: options.kernels, workspace: ws,
                                           variant: options.variant, gemmScratch: gemmScratch)
            if let profile {
                let t0 = DispatchTime.now().uptimeNanoseconds
                step.op.execute(inputViews[i], outputViews[i], context)
                let dt = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
                profile.pointee[step.opType, default: 0] += dt
            } else {
                step.op.execute(inputViews[i], outputViews[i], context)
            }
        }
        var result: [String: Tensor] = [:]
        for name in bound.outputs {
            if let c = bound.constants[name] { result[name] = c; continue }
            guard let loc = plan.locations[name] else { continue }
            let info = bound.values[name]!
            let values = Array(UnsafeBufferPointer(start: pointer(loc), count: info.count))
            // Integer outputs computed at run time (MaxPool's Indices) are exact integers held as floats.
            switch info.dataType {
            case .float: result[name] = Tensor(shape: info.shape, floats: values)
            case .bool: result[name] = Tensor(shape: info.shape, ints: values.map { $0 != 0 ? 1 : 0 }, dataType: .bool)
            default: result[name] = Tensor(shape: info.shape, ints: values.map { Int64($0) }, dataType: info.dataType)
            }
        }
        return result
    }
}
