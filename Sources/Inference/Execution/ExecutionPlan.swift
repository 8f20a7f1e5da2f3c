/// Where every value of a bound graph lives while it runs: one arena of
/// floats, regions reused once their values are dead, outputs written in place
/// of an input where the operator allows it, alias operators (Reshape,
/// Identity, ...) sharing their input's region. A pure value: built and
/// tested without kernels.
public struct ExecutionPlan: Sendable, Equatable {
    public enum Location: Sendable, Equatable, Hashable {
        /// Offset in floats from the start of the arena.
        case arena(Int)
        case constant(String)
    }

    public struct Step: Sendable, Equatable {
        public var inputs: [Location?]
        public var outputs: [Location?]
        public var workspace: Int?
    }

    /// Description of one step for the planner: names, output sizes in floats,
    /// scratch size, and the operator's in-place and alias permissions.
    public struct StepRequest: Sendable {
        public var inputs: [String]
        public var outputs: [(name: String, count: Int)]
        public var workspace: Int
        public var inPlaceInput: Int?
        public var isAlias: Bool

        public init(inputs: [String], outputs: [(name: String, count: Int)], workspace: Int = 0, inPlaceInput: Int? = nil, isAlias: Bool = false) {
            self.inputs = inputs
            self.outputs = outputs
            self.workspace = workspace
            self.inPlaceInput = inPlaceInput
            self.isAlias = isAlias
        }
    }

    public var steps: [Step]
    /// Arena location of every non-constant value.
    public var locations: [String: Location]
    /// Arena size in floats.
    public var arenaSize: Int
    /// Sum of every value's and workspace's size: the arena without reuse.
    public var unsharedSize: Int

    public static func == (a: ExecutionPlan, b: ExecutionPlan) -> Bool {
        a.steps == b.steps && a.locations == b.locations && a.arenaSize == b.arenaSize
    }
}
