extension AssignmentTable {
    /// The table of a validated design. Deterministic in the design alone.
    ///
    /// 1. Readers are permuted from the seed, then dealt round-robin into plots
    ///    (split-plot) and, inside a plot, into arm-order groups 0..<K. Dealing
    ///    round-robin keeps groups within one reader of each other; with an
    ///    uneven count the lower groups (starting with the first listed arm)
    ///    get the extra reader. Permuting first means that which reader is
    ///    "extra" is decided by the seed, not by the order the readers were typed.
    /// 2. Cases are permuted from the seed and dealt round-robin into plots and,
    ///    inside a plot, into K blocks (crossover, split-plot) — the same blocks
    ///    for every reader of the plot.
    /// 3. In session s, group g reads block b in arm (b + g + s) mod K
    ///    (fully-crossed: every case in arm (g + s) mod K).
    /// 4. Order: blocked by arm (the j-th block of every session is in arm
    ///    (g + j) mod K) or interleaved, each shuffled by its own stream keyed by
    ///    reader, session (and block), so orders differ between readers and sessions.
    public static func generate(for design: ExperimentDesign) throws(ReaderStudyError) -> AssignmentTable {
        try design.validate()
        let armCount = design.arms.count
        let plotCount = design.design == .splitPlot ? design.readerGroups : 1
        let blockCount = design.design == .fullyCrossed ? 1 : armCount

        var readerStream = Xoshiro256StarStar.stream(seed: design.seed, "readers")
        let permutedReaders = readerStream.shuffled(design.readers)
        var caseStream = Xoshiro256StarStar.stream(seed: design.seed, "cases")
        let permutedCases = caseStream.shuffled(design.caseIDs)

        // plot -> block -> cases
        var blocks = Array(repeating: Array(repeating: [String](), count: blockCount), count: plotCount)
        for (index, caseID) in permutedCases.enumerated() {
            let plot = index % plotCount
            let withinPlot = index / plotCount
            blocks[plot][withinPlot % blockCount].append(caseID)
        }

        var placement: [String: (plot: Int, group: Int)] = [:]
        for (index, reader) in permutedReaders.enumerated() {
            let plot = index % plotCount
            placement[reader] = (plot, (index / plotCount) % armCount)
        }

        var rows: [Assignment] = []
        for reader in design.readers {
            guard let (plot, group) = placement[reader] else { continue }
            for session in 0..<design.sessions {
                var items: [(caseID: String, arm: Int, block: Int)] = []
                var orderedBlocks: [Int]
                if design.design == .fullyCrossed {
                    orderedBlocks = [0]
                } else {
                    // j-th block in arm (g + j) mod K  <=>  b = (j - s) mod K
                    orderedBlocks = (0..<blockCount).map { j in ((j - session) % blockCount + blockCount) % blockCount }
                }
                for block in orderedBlocks {
                    let arm = design.design == .fullyCrossed
                        ? (group + session) % armCount
                        : (block + group + session) % armCount
                    var cases = blocks[plot][block]
                    if design.ordering == .blockedByArm || design.design == .fullyCrossed {
                        var stream = Xoshiro256StarStar.stream(
                            seed: design.seed, "order", reader, String(session + 1), String(block))
                        stream.shuffle(&cases)
                    }
                    items += cases.map { ($0, arm, block) }
                }
                if design.ordering == .interleaved && design.design != .fullyCrossed {
                    var stream = Xoshiro256StarStar.stream(seed: design.seed, "order", reader, String(session + 1))
                    stream.shuffle(&items)
                }
                for (position, item) in items.enumerated() {
                    rows.append(Assignment(
                        reader: reader, caseID: item.caseID, session: session + 1, arm: design.arms[item.arm],
                        order: position + 1, armGroup: group, plot: plot, block: item.block))
                }
            }
        }
        return AssignmentTable(rows: rows)
    }
}
