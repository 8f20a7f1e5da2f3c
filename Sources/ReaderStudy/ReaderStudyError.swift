import Common

/// The one error type of the ReaderStudy module. Every case names where the
/// problem is (`coordinates`) and what is wrong (`problem`); reader and case
/// ids are study pseudonyms, never patient identifiers.
public enum ReaderStudyError: UserFacingError, Equatable {
    /// A field of an experiment design is unusable, e.g. `design.sessions`.
    case invalidDesign(field: String, problem: String)
    /// A reader that the design does not list.
    case unknownReader(String)
    /// A session number outside 1...sessions.
    case unknownSession(reader: String, session: Int)
    /// Events of one app session whose monotonic clock runs backwards.
    case eventsOutOfOrder(appSession: String, index: Int)
    /// Export or scoring input that cannot be turned into rows.
    case invalidInput(field: String, problem: String)
    /// `read --experiment`: the reader's next session is not open (washout,
    /// or every session is done). `problem` says when it opens.
    case sessionNotOpen(reader: String, session: Int?, problem: String)
    /// Reading as a reader id bound to another OS account.
    case otherAccount(reader: String, mappedTo: String, runningAs: String)
    /// The running OS account is mapped to no reader of the experiment.
    case accountNotAReader(account: String, experiment: String)

    public var coordinates: String {
        switch self {
        case .invalidDesign(let field, _): return "experiment.\(field)"
        case .unknownReader(let reader): return "reader \(reader)"
        case .unknownSession(let reader, let session): return "reader \(reader), session \(session)"
        case .eventsOutOfOrder(let appSession, let index): return "app session \(appSession), event \(index)"
        case .invalidInput(let field, _): return field
        case .sessionNotOpen(let reader, let session?, _): return "reader \(reader), session \(session)"
        case .sessionNotOpen(let reader, nil, _): return "reader \(reader)"
        case .otherAccount(let reader, _, _): return "reader \(reader)"
        case .accountNotAReader(let account, _): return "account \(account)"
        }
    }

    public var problem: String {
        switch self {
        case .invalidDesign(_, let problem), .invalidInput(_, let problem), .sessionNotOpen(_, _, let problem):
            return problem
        case .unknownReader: return "is not a reader of this experiment"
        case .unknownSession: return "no such session in this experiment"
        case .eventsOutOfOrder: return "monotonic time runs backwards within one app session"
        case .otherAccount(_, let owner, let running):
            return "is bound to account \(owner), but lightbox is running as account \(running); only \(owner) can read as this reader"
        case .accountNotAReader(_, let experiment):
            return "is not mapped to a reader of experiment \(experiment) (the coordinator maps reader ids to accounts at experiment create)"
        }
    }
}
