/// The first thing `verifyChain` found wrong, naming the row.
public enum ChainProblem: Sendable, Equatable, CustomStringConvertible {
    /// The row's fields (or its read's reader, study or context) no longer match its hash.
    case edited(event: Int64)
    /// The chain links past this row: it was put in after the fact.
    case inserted(event: Int64)
    /// The row does not link to the one stored before it: rows between them were
    /// removed (or `after` was rewritten together with its hash).
    case removed(after: Int64?, before: Int64)
    /// Rows at the end were removed: ids were issued up to `lastIssued`.
    case removedAtEnd(after: Int64?, lastIssued: Int64)
    /// A signed read's decisions no longer match the digest in its `signed` event.
    case signedReadEdited(read: Int64, event: Int64)
    /// A `signed` event has no signed read (it was deleted), or a signed read
    /// points at no `signed` event.
    case signedReadMissing(read: Int64, event: Int64)
    case signedEventMissing(read: Int64, event: Int64)
    /// A read marked signed without a signed read, or the reverse.
    case statusMismatch(read: Int64)
    /// A head hash recorded earlier is no longer in the chain: it was rebuilt.
    case anchorMissing(hash: String)
    /// A pinned AI result no longer matches its hash, or the one an event says was shown.
    case aiResultEdited(result: Int64, event: Int64?)

    public var description: String {
        switch self {
        case .edited(let id):
            return "event \(id) was edited: its fields no longer match its hash"
        case .inserted(let id):
            return "event \(id) was inserted: the chain links past it"
        case .removed(let after, let before):
            let from = after.map { "event \($0)" } ?? "the start"
            let rewritten = after.map { " (or event \($0) was rewritten with a new hash)" } ?? ""
            return "events were removed between \(from) and event \(before)\(rewritten)"
        case .removedAtEnd(let after, let last):
            let from = after.map { "event \($0)" } ?? "the start"
            return "events after \(from) were removed: ids were issued up to \(last)"
        case .signedReadEdited(let read, let event):
            return "signed read \(read) was edited: it no longer matches the digest in event \(event)"
        case .signedReadMissing(let read, let event):
            return "signed read \(read) was removed: event \(event) records its signing"
        case .signedEventMissing(let read, let event):
            return "signed read \(read) names event \(event), which is not its signed event"
        case .anchorMissing(let hash):
            return "the recorded chain head \(hash) is no longer in the chain: the record was rebuilt"
        case .aiResultEdited(let result, let event):
            let shown = event.map { " shown in event \($0)" } ?? ""
            return "stored AI result \(result)\(shown) was edited or removed: it no longer matches its SHA-256"
        case .statusMismatch(let read):
            return "read \(read) is marked signed without a signed read, or the reverse"
        }
    }
}
