import Common

/// Problems of the experiment, export and simulate commands that neither the
/// ledger nor ReaderStudy can name (a missing experiment, library or truth).
enum ExperimentCommandError: UserFacingError {
    case unknownExperiment(String)
    /// The ledger file of --db (or the default) does not exist.
    case noLedger(experiment: String, path: String)
    /// --db names a file in a folder that does not exist.
    case noLedgerFolder(path: String, folder: String)
    case badClock(String)
    case library(field: String, problem: String)
    case truth(caseID: String, problem: String)
    case output(path: String, problem: String)
    case invalid(field: String, problem: String)
    /// A model's files differ from the ones the experiment was prepared with.
    case modelChanged(experiment: String, pinned: ModelFingerprint, now: ModelFingerprint, folder: String)

    var coordinates: String {
        switch self {
        case .unknownExperiment(let name), .noLedger(let name, _): return "experiment \(name)"
        case .noLedgerFolder(let path, _): return "--db \(path)"
        case .badClock: return "LIGHTBOX_NOW"
        case .library(let field, _): return field
        case .truth(let caseID, _): return "case \(caseID)"
        case .output(let path, _): return path
        case .invalid(let field, _): return field
        case .modelChanged(_, _, _, let folder): return folder
        }
    }

    var problem: String {
        switch self {
        case .unknownExperiment: return "no such experiment in this ledger (create it with `lightbox experiment create`)"
        case .noLedger(_, let path): return "no ledger at \(path) (create the experiment with `lightbox experiment create`, or pass the right --db)"
        case .noLedgerFolder(_, let folder): return "folder \(folder) does not exist (create it first; only the default ledger folder is made for you)"
        case .badClock(let value): return "'\(value)' is not an ISO 8601 time such as 2026-03-01T09:00:00Z"
        case .library(_, let problem), .truth(_, let problem), .output(_, let problem), .invalid(_, let problem):
            return problem
        case .modelChanged(let experiment, let pinned, let now, _):
            let file = pinned.modelSHA256 != now.modelSHA256 ? "model.onnx" : "card.json"
            let (was, is_) = file == "model.onnx" ? (pinned.modelSHA256, now.modelSHA256) : (pinned.cardSHA256, now.cardSHA256)
            return "model \(pinned.name) \(pinned.version) changed after experiment \(experiment) was prepared: \(file) sha256 was \(was), is now \(is_); reading stops (restore the model, or prepare a new experiment)"
        }
    }
}
