/// A TOML syntax error with its line and column (1-based).
public struct TOMLError: UserFacingError, Equatable {
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }

    public var coordinates: String { "\(file):\(line):\(column)" }
    public var problem: String { message }
}
