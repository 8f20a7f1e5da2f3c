/// The one error type of the Statistics module. It mirrors `Common.UserFacingError`
/// (`coordinates` + `problem`) without importing Common, because this target has no
/// dependencies; the CLI adds the conformance. Messages carry file/line/column, never
/// rating values or identifiers beyond the column names the user wrote.
public struct StatisticsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where: "FILE:LINE:COLUMN" for input problems, or the name of the computation.
    public var coordinates: String
    /// What is wrong, in words a coordinator can act on.
    public var problem: String

    public init(coordinates: String, problem: String) {
        self.coordinates = coordinates
        self.problem = problem
    }

    /// An input problem at a 1-based line and an optional 1-based column (with its header name).
    public static func input(source: String, line: Int, column: Int? = nil, name: String? = nil, _ problem: String) -> StatisticsError {
        var where_ = "\(source):\(line)"
        if let column { where_ += ":\(column)" }
        if let name { where_ += " (column \"\(name)\")" }
        return StatisticsError(coordinates: where_, problem: problem)
    }

    public var description: String { coordinates.isEmpty ? problem : "\(coordinates): \(problem)" }
}
