/// How readers, cases, arms and sessions are crossed. Raw values are the CLI
/// spellings (`--design crossover|fully-crossed|split-plot`).
///
/// With K arms every design has K sessions and counterbalances arm order over
/// K reader groups (a cyclic Latin square):
/// - `crossover`: cases are split into K blocks. In session s, reader group g
///   reads block b in arm (b + g + s) mod K, so every session mixes all arms
///   and every reader reads every case once per arm, each arm in a different
///   session (the case-split crossover of the fracture AI studies).
/// - `fullyCrossed`: every session is one arm for all cases; group g reads
///   arm (g + s) mod K in session s. Every reader reads every case in every arm.
/// - `splitPlot`: readers are split into `readerGroups` plots, each reading a
///   disjoint subset of the cases; inside a plot the crossover layout applies.
public enum DesignKind: String, Sendable, Codable, CaseIterable {
    case crossover
    case fullyCrossed = "fully-crossed"
    case splitPlot = "split-plot"
}
