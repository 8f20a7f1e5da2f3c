import Common

/// The queue's order (`s` cycles). Queue order is the library's (or, in an
/// experiment, the assigned reading order, which cannot be changed).
public enum QueueSort: String, Sendable, Equatable, CaseIterable {
    case queue = "queue order"
    /// Most concerning AI flag first; studies without a flag keep queue order after them.
    case aiFlag = "AI flag"
    /// Youngest patient first (bone age readers batch by age); unrecorded ages last.
    case age
    case kind
    /// In progress first (finish what was started), then unread, then signed.
    case status

    /// The rows at `indices` in this order; ties keep queue order. `flag` returns
    /// a row's flag only where it may be shown, so hidden flags never influence order.
    func order(_ indices: [Int], rows: [QueueRow], flag: (Int) -> AIFlag?) -> [Int] {
        func compare(_ a: Int, _ b: Int) -> Bool? {
            switch self {
            case .queue:
                return nil
            case .aiFlag:
                switch (flag(a), flag(b)) {
                case (let fa?, let fb?):
                    if AIFlag.isMoreConcerning(fa, than: fb) { return true }
                    if AIFlag.isMoreConcerning(fb, than: fa) { return false }
                    return nil
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return nil
                }
            case .age:
                let x = rows[a].study?.manifest.patient.ageMonths ?? Int.max
                let y = rows[b].study?.manifest.patient.ageMonths ?? Int.max
                return x == y ? nil : x < y
            case .kind:
                let x = rows[a].study.map { StudyKind.allCases.firstIndex(of: $0.kind) ?? 0 } ?? Int.max
                let y = rows[b].study.map { StudyKind.allCases.firstIndex(of: $0.kind) ?? 0 } ?? Int.max
                return x == y ? nil : x < y
            case .status:
                func rank(_ i: Int) -> Int {
                    if rows[i].isBroken { return 3 }
                    switch rows[i].status { case .inProgress: return 0; case .unread: return 1; case .signed: return 2 }
                }
                return rank(a) == rank(b) ? nil : rank(a) < rank(b)
            }
        }
        guard self != .queue else { return indices }
        return indices.sorted { compare($0, $1) ?? ($0 < $1) }
    }

    /// The next order in the cycle; the AI flag order only where flags show.
    func next(flagsShown: Bool) -> QueueSort {
        let all = QueueSort.allCases.filter { $0 != .aiFlag || flagsShown }
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }
}
