import Common

/// Command-line mistakes that argument parsing cannot catch.
enum CLIError: UserFacingError {
    case badOption(name: String, value: String, expected: String)

    var coordinates: String {
        switch self {
        case .badOption(let name, _, _): return name
        }
    }

    var problem: String {
        switch self {
        case .badOption(_, let value, let expected): return "'\(value)' is not valid (expected \(expected))"
        }
    }
}
