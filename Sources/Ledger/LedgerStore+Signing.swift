import GRDB
import ReaderStudy

extension LedgerStore {
    /// Signs a read in ONE transaction: the `signed` event (its value set to the
    /// digest of the signed decisions, which chains them), the signed_reads row
    /// and the read's status; the draft is dropped. The transaction commits with
    /// `synchronous = FULL`, so the WAL is fsynced and the read (with every event
    /// before it) survives a power cut once this returns. Signing a signed read
    /// is refused with `LedgerError.alreadySigned`. `aiResults`: the pinned
    /// results the reader was shown (empty: no AI), under the digest too.
    public func sign(_ read: ReadRecord.ID, decisions: [FindingDecision], confidence: Int?,
                     event: ReadEvent, aiResults: [Int64] = []) throws {
        guard event.kind == .signed else {
            throw LedgerError.invalidEvent(path: path, read: read,
                                           reason: "sign needs a signed event, not \(event.kind.rawValue)")
        }
        try validate(event, read: read)
        let json = try Self.encode(decisions)
        let shown = aiResults.isEmpty ? nil : aiResults.map(String.init).joined(separator: " ")
        try retrying {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                defer { try? db.execute(sql: "PRAGMA synchronous = NORMAL") }
                try db.inTransaction(.immediate) {
                    let record = try readRecord(db, read)
                    if record.status == .signed { throw LedgerError.alreadySigned(path: path, read: read) }
                    let identity = identity(of: record)
                    let digest = ChainHash.signedRead(read: identity, decisionsJSON: json, confidence: confidence,
                                                      signedWallTime: event.wallTime, aiResults: shown).sha256
                    let eventID = try insertEvent(db, read: identity, event: event, value: digest)
                    try db.execute(sql: """
                        INSERT INTO signed_reads (read_id, event_id, decisions, confidence, signed_wall_time, digest, ai_results)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [read, eventID, json, confidence, event.wallTime, digest, shown])
                    try db.execute(sql: "UPDATE reads SET status = 'signed' WHERE id = ?", arguments: [read])
                    try db.execute(sql: "DELETE FROM drafts WHERE read_id = ?", arguments: [read])
                    return .commit
                }
            }
        }
    }

    /// Signed reads, oldest first: one reader's, or everyone's when `reader` is
    /// nil (the coordinator's view; never call it from a reading screen).
    public func signedReads(reader: String?) throws -> [SignedRead] {
        try reading { db in
            let sql = """
                SELECT s.*, r.reader, r.study, r.experiment, r.session, r.arm, r.pass
                FROM signed_reads s JOIN reads r ON r.id = s.read_id
                """
            let rows = if let reader {
                try Row.fetchAll(db, sql: sql + " WHERE r.reader = ? ORDER BY s.id", arguments: [reader])
            } else {
                try Row.fetchAll(db, sql: sql + " ORDER BY s.id")
            }
            return try rows.map { try decodeSignedRead($0) }
        }
    }

    func decodeSignedRead(_ row: Row) throws -> SignedRead {
        let d = RowDecoder(row, path: path, table: "signed_reads", idColumn: "read_id")
        let context = ReadContext(experiment: try d.optional("experiment"), session: try d.optional("session"),
                                  arm: try d.optional("arm"), pass: try d.required("pass"))
        return SignedRead(readID: d.rowID, reader: try d.required("reader"), study: try d.required("study"),
                          context: context, decisions: try decode(try d.required("decisions"), d, column: "decisions"),
                          confidence: try d.optional("confidence"), signedWallTime: try d.required("signed_wall_time"),
                          eventID: try d.required("event_id"), digest: try d.required("digest"),
                          aiResults: try Self.aiResultIDs(try d.optional("ai_results"), d))
    }

    /// The space-separated ids of `signed_reads.ai_results`.
    static func aiResultIDs(_ text: String?, _ d: RowDecoder) throws -> [Int64] {
        guard let text else { return [] }
        return try text.split(separator: " ").map { part in
            guard let id = Int64(part) else { throw d.failure("ai_results") }
            return id
        }
    }
}
