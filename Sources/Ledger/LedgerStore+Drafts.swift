import Foundation
import GRDB
import ReaderStudy

extension LedgerStore {
    /// Replaces the draft of a read in progress. Drafts are a convenience for
    /// resuming: the events are the record, and a draft is dropped at signing.
    public func saveDraft(_ decisions: [FindingDecision], confidence: Int?, for read: ReadRecord.ID) throws {
        let json = try Self.encode(decisions)
        try writing { db in
            let record = try readRecord(db, read)
            if record.status == .signed {
                throw LedgerError.readIsSigned(path: path, read: read, refused: "saving a draft")
            }
            try db.execute(sql: """
                INSERT INTO drafts (read_id, decisions, confidence, saved_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (read_id) DO UPDATE SET
                    decisions = excluded.decisions, confidence = excluded.confidence, saved_at = excluded.saved_at
                """, arguments: [read, json, confidence, wallClock()])
        }
    }

    /// The saved draft, or no decisions and no confidence when none was saved.
    public func draft(for read: ReadRecord.ID) throws -> (decisions: [FindingDecision], confidence: Int?) {
        try reading { db in
            _ = try readRecord(db, read)
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM drafts WHERE read_id = ?", arguments: [read])
            else { return ([], nil) }
            let d = RowDecoder(row, path: path, table: "drafts", idColumn: "read_id")
            let decisions = try decode(try d.required("decisions"), d, column: "decisions")
            return (decisions, try d.optional("confidence"))
        }
    }

    // MARK: - Decisions as JSON

    /// Sorted keys keep the text stable; the signed digest is over the stored
    /// text itself, so verification never depends on re-encoding.
    static func encode(_ decisions: [FindingDecision]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(decisions), as: UTF8.self)
    }

    func decode(_ json: String, _ d: RowDecoder, column: String) throws -> [FindingDecision] {
        do {
            return try JSONDecoder().decode([FindingDecision].self, from: Data(json.utf8))
        } catch {
            throw d.failure(column)
        }
    }
}
