import Common
import Testing
@testable import Inference

/// The planner is a pure function from step descriptions to offsets: checked
/// here without kernels, by rules and by simulating execution on random DAGs.
@Suite struct PlannerTests {
    typealias Req = ExecutionPlan.StepRequest

    func offset(_ plan: ExecutionPlan, _ name: String) -> Int? {
        if case .arena(let o)? = plan.locations[name] { return o }
        return nil
    }

    @Test func chainReusesDeadBuffers() {
        let steps = [
            Req(inputs: ["x"], outputs: [("a", 100)]),
            Req(inputs: ["a"], outputs: [("b", 100)]),
            Req(inputs: ["b"], outputs: [("c", 100)]),
            Req(inputs: ["c"], outputs: [("y", 100)]),
        ]
        let plan = Planner().plan(steps: steps, inputs: [("x", 100)], constants: [], outputs: ["y"])
        #expect(plan.arenaSize == 200)
        #expect(plan.unsharedSize == 500)
        let unshared = Planner(reuse: false).plan(steps: steps, inputs: [("x", 100)], constants: [], outputs: ["y"])
        #expect(unshared.arenaSize == 500)
    }

    @Test func inPlaceOutputTakesItsInputsBufferOnlyAtLastUse() {
        let steps = [
            Req(inputs: ["x"], outputs: [("a", 10)]),
            Req(inputs: ["a"], outputs: [("b", 10)], inPlaceInput: 0),  // last use of a: in place
            Req(inputs: ["b"], outputs: [("c", 10)], inPlaceInput: 0),  // b used again below: not in place
            Req(inputs: ["b", "c"], outputs: [("y", 10)]),
        ]
        let plan = Planner().plan(steps: steps, inputs: [("x", 10)], constants: [], outputs: ["y"])
        #expect(offset(plan, "a") == offset(plan, "b"))
        #expect(offset(plan, "b") != offset(plan, "c"))
    }

    @Test func aliasSharesAndConstantsStayOutOfTheArena() {
        let steps = [
            Req(inputs: ["x", "w"], outputs: [("a", 12)]),
            Req(inputs: ["a", "shape"], outputs: [("r", 12)], isAlias: true),
            Req(inputs: ["r"], outputs: [("y", 12)]),
        ]
        let plan = Planner().plan(steps: steps, inputs: [("x", 12)], constants: ["w", "shape"], outputs: ["y"])
        #expect(offset(plan, "a") == offset(plan, "r"))
        #expect(plan.steps[0].inputs[1] == .constant("w"))
        #expect(plan.locations["w"] == nil)
    }

    @Test func graphOutputsAreNeverOverwritten() {
        // y is a graph output consumed again; an in-place consumer must not take its buffer.
        let steps = [
            Req(inputs: ["x"], outputs: [("y", 8)]),
            Req(inputs: ["y"], outputs: [("z", 8)], inPlaceInput: 0),
        ]
        let plan = Planner().plan(steps: steps, inputs: [("x", 8)], constants: [], outputs: ["y", "z"])
        #expect(offset(plan, "y") != offset(plan, "z"))
    }

    @Test func workspaceLivesOnlyDuringItsStep() {
        let steps = [
            Req(inputs: ["x"], outputs: [("a", 10)], workspace: 50),
            Req(inputs: ["a"], outputs: [("y", 10)], workspace: 50),
        ]
        let plan = Planner().plan(steps: steps, inputs: [("x", 10)], constants: [], outputs: ["y"])
        #expect(plan.steps[0].workspace == plan.steps[1].workspace)
        #expect(plan.arenaSize == 70)
    }

    /// Random DAGs: simulate the plan and check that every step reads what its
    /// producer wrote (no live value was overwritten), with and without reuse.
    @Test(arguments: 0..<40)
    func randomGraphsNeverClobberLiveValues(seed: Int) {
        var rng = TestRandom(seed: UInt64(seed) &+ 7)
        var names = ["x"]
        var sizes = ["x": 1 + rng.int(20)]
        var steps: [Req] = []
        for i in 0..<(5 + rng.int(25)) {
            let arity = 1 + rng.int(min(3, names.count))
            var ins: [String] = []
            for _ in 0..<arity { ins.append(names[names.count - 1 - rng.int(min(names.count, 6))]) }
            let alias = rng.int(5) == 0
            let size = alias ? sizes[ins[0]]! : (rng.int(3) == 0 ? sizes[ins[0]]! : 1 + rng.int(20))
            let name = "v\(i)"
            sizes[name] = size
            names.append(name)
            steps.append(Req(inputs: ins, outputs: [(name, size)], workspace: rng.int(4) == 0 ? 1 + rng.int(30) : 0,
                             inPlaceInput: rng.int(2) == 0 ? 0 : nil, isAlias: alias))
        }
        let outputs = [names.last!] + (rng.int(2) == 0 ? [names[names.count / 2]] : [])
        for reuse in [true, false] {
            let plan = Planner(reuse: reuse).plan(steps: steps, inputs: [("x", sizes["x"]!)], constants: [], outputs: outputs)
            #expect(simulate(plan, steps, sizes, inputs: ["x"], outputs: outputs), "seed \(seed) reuse \(reuse)")
            if reuse { #expect(plan.arenaSize <= plan.unsharedSize) }
        }
    }

    /// Tags every arena float with the id of the data written there; aliases keep their input's id.
    func simulate(_ plan: ExecutionPlan, _ steps: [Req], _ sizes: [String: Int], inputs: [String], outputs: [String]) -> Bool {
        var memory = [Int](repeating: -1, count: plan.arenaSize)
        var dataID: [String: Int] = [:]
        var next = 0
        func region(_ name: String) -> Range<Int> {
            guard case .arena(let o)? = plan.locations[name] else { return 0..<0 }
            return o..<(o + sizes[name]!)
        }
        func holds(_ name: String) -> Bool { region(name).allSatisfy { memory[$0] == dataID[name] } }
        for name in inputs {
            dataID[name] = next
            for i in region(name) { memory[i] = next }
            next += 1
        }
        for (i, s) in steps.enumerated() {
            for n in s.inputs where !holds(n) { return false }
            if let w = plan.steps[i].workspace {
                // Scratch is written while inputs are still being read: it must not overlap them.
                let ws = w..<(w + s.workspace)
                for n in s.inputs where region(n).overlaps(ws) { return false }
                for k in ws { memory[k] = -2 }
            }
            for (name, _) in s.outputs {
                dataID[name] = s.isAlias && plan.locations[name] == plan.locations[s.inputs[0]] ? dataID[s.inputs[0]] : next
                next += 1
                // In place: the input shares the region; any other input must not overlap the output.
                for (k, n) in s.inputs.enumerated() where region(n).overlaps(region(name)) {
                    if !(s.isAlias || (k == s.inPlaceInput && region(n) == region(name))) { return false }
                }
                for k in region(name) { memory[k] = dataID[name]! }
            }
        }
        return outputs.allSatisfy(holds)
    }
}

/// Reproducible randomness for tests, on Common's SplitMix64.
struct TestRandom {
    var generator: SplitMix64
    init(seed: UInt64) { generator = SplitMix64(seed: seed) }
    mutating func next() -> UInt64 { generator.next() }
    mutating func int(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
    mutating func float() -> Float { Float(next() >> 40) / Float(1 << 24) * 2 - 1 }
    mutating func floats(_ n: Int) -> [Float] { (0..<n).map { _ in float() } }
}
