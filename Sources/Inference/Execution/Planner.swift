/// Builds an `ExecutionPlan`: lifetimes from first definition to last use,
/// storage groups for aliases and in-place outputs, then offsets by first fit
/// in decreasing size (regions overlap in memory only if their lifetimes don't).
public struct Planner: Sendable {
    /// false gives every value its own region (used to check reuse changes nothing).
    public var reuse: Bool

    public init(reuse: Bool = true) { self.reuse = reuse }

    public func plan(steps: [ExecutionPlan.StepRequest], inputs: [(name: String, count: Int)],
                     constants: Set<String>, outputs: [String]) -> ExecutionPlan {
        // Storage groups: each has a size, a first and last step.
        struct Storage { var size: Int; var first: Int; var last: Int }
        var storages: [Storage] = []
        var storageOf: [String: Int] = [:]
        let end = steps.count
        let outputSet = Set(outputs)

        func newStorage(_ size: Int, at i: Int) -> Int {
            storages.append(Storage(size: size, first: i, last: i))
            return storages.count - 1
        }
        for input in inputs { storageOf[input.name] = newStorage(input.count, at: -1) }

        // Last use of every value by name.
        var lastUse: [String: Int] = [:]
        for (i, s) in steps.enumerated() { for n in s.inputs where !n.isEmpty { lastUse[n] = i } }
        for o in outputs { lastUse[o] = end }
        for input in inputs { storages[storageOf[input.name]!].last = max(-1, lastUse[input.name] ?? -1) }

        var workspaceStorage: [Int?] = []
        for (i, s) in steps.enumerated() {
            for (k, out) in s.outputs.enumerated() where !out.name.isEmpty {
                var target: Int?
                if reuse, k == 0, !outputSet.contains(out.name) {
                    if s.isAlias, let src = s.inputs.first, let st = storageOf[src], storages[st].size == out.count {
                        target = st
                    } else if let idx = s.inPlaceInput, idx < s.inputs.count, let st = storageOf[s.inputs[idx]],
                              storages[st].size == out.count, storages[st].last <= i,
                              !s.inputs.enumerated().contains(where: { $0.offset != idx && storageOf[$0.element] == st }) {
                        target = st
                    }
                }
                // Aliasing into a graph output's storage would let later in-place writes clobber it.
                if let t = target, storages[t].last >= end { target = nil }
                let st = target ?? newStorage(out.count, at: i)
                storageOf[out.name] = st
                storages[st].last = max(storages[st].last, lastUse[out.name] ?? i)
            }
            workspaceStorage.append(s.workspace > 0 ? newStorage(s.workspace, at: i) : nil)
        }

        // Offsets: biggest first, lowest offset that clears every placed storage alive at the same time.
        var offsets = [Int](repeating: 0, count: storages.count)
        var placed: [Int] = []
        var arena = 0
        for idx in storages.indices.sorted(by: { storages[$0].size > storages[$1].size || (storages[$0].size == storages[$1].size && $0 < $1) }) {
            let s = storages[idx]
            var offset = 0
            if reuse {
                let conflicts = placed.filter { storages[$0].first <= s.last && s.first <= storages[$0].last }
                    .map { (offsets[$0], offsets[$0] + storages[$0].size) }.sorted { $0.0 < $1.0 }
                for (lo, hi) in conflicts {
                    if offset + s.size <= lo { break }
                    offset = max(offset, hi)
                }
            } else {
                offset = arena
            }
            offsets[idx] = offset
            placed.append(idx)
            arena = max(arena, offset + s.size)
        }

        var locations: [String: ExecutionPlan.Location] = [:]
        for (name, st) in storageOf { locations[name] = .arena(offsets[st]) }
        func locate(_ name: String) -> ExecutionPlan.Location? {
            if name.isEmpty { return nil }
            if constants.contains(name) { return .constant(name) }
            return locations[name]
        }
        let planned = steps.enumerated().map { i, s in
            ExecutionPlan.Step(inputs: s.inputs.map(locate), outputs: s.outputs.map { locate($0.name) },
                               workspace: workspaceStorage[i].map { offsets[$0] })
        }
        return ExecutionPlan(steps: planned, locations: locations, arenaSize: arena,
                             unsharedSize: storages.reduce(0) { $0 + $1.size })
    }
}
