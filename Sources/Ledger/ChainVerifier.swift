/// Walks the event log in id order and names the first row that breaks the
/// chain. Fed one row at a time; it looks one row ahead, because an inserted
/// row is recognised by its successor linking past it.
struct ChainVerifier {
    struct Link {
        let id: Int64
        let prevHash: String
        let hash: String
        /// The stored hash matches the recomputed one.
        let contentMatches: Bool
    }

    /// Rows kept to recognise a run of inserted rows that the chain skips.
    static let window = 64

    private(set) var count = 0
    private(set) var problem: ChainProblem?
    private(set) var lastID: Int64?
    private(set) var lastHash = ChainHash.genesis
    private var recent: [(id: Int64?, hash: String)] = [(nil, ChainHash.genesis)]
    private var pending: Link?

    mutating func feed(_ link: Link) {
        if let pending { check(pending, next: link) }
        pending = link
    }

    mutating func finish() {
        if let pending { check(pending, next: nil) }
        pending = nil
    }

    private mutating func check(_ row: Link, next: Link?) {
        count += 1
        if problem == nil { problem = classify(row, next: next) }
        recent.append((row.id, row.hash))
        if recent.count > Self.window { recent.removeFirst() }
        lastHash = row.hash
        lastID = row.id
    }

    private func classify(_ row: Link, next: Link?) -> ChainProblem? {
        if row.contentMatches && row.prevHash == lastHash { return nil }
        if let next, next.prevHash == lastHash { return .inserted(event: row.id) }
        if !row.contentMatches { return .edited(event: row.id) }
        // Linked to an older row than the previous one: the rows after that
        // older row were inserted (they link among themselves, so only here
        // does the skip show).
        if let k = recent.dropLast().lastIndex(where: { $0.hash == row.prevHash }), k + 1 < recent.count,
           let firstInserted = recent[k + 1].id {
            return .inserted(event: firstInserted)
        }
        return .removed(after: lastID, before: row.id)
    }
}
