import Common

/// Everything that can go wrong with the ledger, as one line a reader or
/// coordinator can act on. `coordinates` is always the database path (plus
/// the read or row involved); `problem` never carries decisions, patient data
/// or SQL arguments.
public enum LedgerError: UserFacingError, Equatable, Sendable {
    case cannotCreateFolder(path: String, folder: String)
    case cannotOpen(path: String, reason: String)
    case readOnly(path: String)
    case locked(path: String, waitedSeconds: Double)
    case notALedger(path: String, reason: String)
    case newerSchema(path: String, unknownMigrations: [String])
    case corrupt(path: String, reason: String)
    case diskFull(path: String)
    case io(path: String, reason: String)
    case undecodable(path: String, table: String, rowID: Int64, column: String)
    case unknownRead(path: String, read: Int64)
    case alreadySigned(path: String, read: Int64)
    case readIsSigned(path: String, read: Int64, refused: String)
    case invalidEvent(path: String, read: Int64, reason: String)
    case invalidContext(path: String, reason: String)
    case unknownExperiment(path: String, name: String)
    case experimentExists(path: String, name: String)
    case invalidAssignment(path: String, experiment: String, reason: String)
    case chainBroken(path: String, problem: ChainProblem)
    case refused(path: String, reason: String)
    case database(path: String, reason: String)

    public var path: String {
        switch self {
        case .cannotCreateFolder(let p, _), .cannotOpen(let p, _), .readOnly(let p), .locked(let p, _),
             .notALedger(let p, _), .newerSchema(let p, _), .corrupt(let p, _), .diskFull(let p),
             .io(let p, _), .undecodable(let p, _, _, _), .unknownRead(let p, _), .alreadySigned(let p, _),
             .readIsSigned(let p, _, _), .invalidEvent(let p, _, _), .invalidContext(let p, _),
             .unknownExperiment(let p, _), .experimentExists(let p, _), .invalidAssignment(let p, _, _),
             .chainBroken(let p, _), .refused(let p, _), .database(let p, _):
            return p
        }
    }

    public var coordinates: String {
        switch self {
        case .undecodable(let p, let table, let rowID, let column):
            return "\(p): \(table) row \(rowID), column \(column)"
        case .unknownRead(let p, let read), .alreadySigned(let p, let read),
             .readIsSigned(let p, let read, _), .invalidEvent(let p, let read, _):
            return "\(p): read \(read)"
        case .unknownExperiment(let p, let name), .experimentExists(let p, let name),
             .invalidAssignment(let p, let name, _):
            return "\(p): experiment \(name)"
        default:
            return path
        }
    }

    public var problem: String {
        switch self {
        case .cannotCreateFolder(_, let folder):
            return "cannot create the folder \(folder) for the ledger"
        case .cannotOpen(_, let reason):
            return "cannot open the ledger: \(reason)"
        case .readOnly:
            return "the ledger is read-only (file or folder not writable); reads cannot be recorded"
        case .locked(_, let waited):
            return "the ledger is locked by another program (waited \(Self.seconds(waited)) s); try again when it is done"
        case .notALedger(_, let reason):
            return "not a Lightbox ledger: \(reason)"
        case .newerSchema(_, let unknown):
            return "written by a newer Lightbox (unknown migrations: \(unknown.joined(separator: ", "))); upgrade lightbox"
        case .corrupt(_, let reason):
            return "the database file is damaged: \(reason)"
        case .diskFull:
            return "the disk is full; nothing was written"
        case .io(_, let reason):
            return "input/output error: \(reason)"
        case .undecodable:
            return "holds a value of the wrong type or NULL"
        case .unknownRead:
            return "no such read"
        case .alreadySigned:
            return "already signed; a signed read cannot be signed again"
        case .readIsSigned(_, _, let refused):
            return "is signed and final: \(refused) refused"
        case .invalidEvent(_, _, let reason):
            return "event refused: \(reason)"
        case .invalidContext(_, let reason):
            return "invalid read context: \(reason)"
        case .unknownExperiment:
            return "no such experiment"
        case .experimentExists:
            return "already exists; an experiment's design and assignments are fixed once stored"
        case .invalidAssignment(_, _, let reason):
            return "invalid assignment table: \(reason)"
        case .chainBroken(_, let problem):
            return "audit chain broken: \(problem)"
        case .refused(_, let reason):
            return "refused: \(reason)"
        case .database(_, let reason):
            return "SQLite error: \(reason)"
        }
    }

    private static func seconds(_ s: Double) -> String {
        s == s.rounded() ? String(Int(s)) : String(format1: s)
    }
}

private extension String {
    /// One decimal, without Foundation's locale-dependent formatting.
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(abs(tenths % 10))"
    }
}
