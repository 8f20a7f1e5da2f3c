import GRDB

/// Reads columns without GRDB's trapping subscripts: a tampered or damaged file
/// can hold NULL or the wrong type anywhere, and that must be an error naming
/// the row, never a crash.
struct RowDecoder {
    let row: Row
    let path: String
    let table: String
    let rowID: Int64

    init(_ row: Row, path: String, table: String, idColumn: String = "id") {
        self.row = row; self.path = path; self.table = table
        let raw: DatabaseValue = row[idColumn] ?? .null
        self.rowID = Int64.fromDatabaseValue(raw) ?? -1
    }

    func required<T: DatabaseValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard let value = try optional(column, as: T.self) else { throw failure(column) }
        return value
    }

    func optional<T: DatabaseValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T? {
        let raw: DatabaseValue = row[column] ?? .null
        if raw.isNull { return nil }
        guard let value = T.fromDatabaseValue(raw) else { throw failure(column) }
        return value
    }

    func failure(_ column: String) -> LedgerError {
        .undecodable(path: path, table: table, rowID: rowID, column: column)
    }
}
