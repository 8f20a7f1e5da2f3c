import Common

/// Problems of the experiment, export and simulate commands that neither the
/// ledger nor ReaderStudy can name (a missing experiment, library or truth).
enum ExperimentCommandError: UserFacingError {
    case unknownExperiment(String)
    case badClock(String)
    case library(field: String, problem: String)
    case truth(caseID: String, problem: String)
    case output(path: String, problem: String)
    case invalid(field: String, problem: String)

    var coordinates: String {
        switch self {
        case .unknownExperiment(let name): return "experiment \(name)"
        case .badClock: return "LIGHTBOX_NOW"
        case .library(let field, _): return field
        case .truth(let caseID, _): return "case \(caseID)"
        case .output(let path, _): return path
        case .invalid(let field, _): return field
        }
    }

    var problem: String {
        switch self {
        case .unknownExperiment: return "no such experiment in this ledger (create it with `lightbox experiment create`)"
        case .badClock(let value): return "'\(value)' is not an ISO 8601 time such as 2026-03-01T09:00:00Z"
        case .library(_, let problem), .truth(_, let problem), .output(_, let problem), .invalid(_, let problem):
            return problem
        }
    }
}
