import GRDB

extension LedgerStore {
    /// Records a reader id (idempotent). Reader ids are chosen by people
    /// (`--reader` or `$USER`), never patient data.
    public func ensureReader(_ id: String) throws {
        guard !id.isEmpty else { throw LedgerError.invalidContext(path: path, reason: "the reader id is empty") }
        try writing { db in try insertReader(db, id) }
    }

    func insertReader(_ db: Database, _ id: String) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO readers (id, created_at) VALUES (?, ?)",
                       arguments: [id, wallClock()])
    }

    /// The read of `study` by `reader` in `context`: the existing one (in
    /// progress, to resume, or signed, which the caller shows as final) or a new
    /// one. Creates the reader if needed. In an experiment, the experiment must
    /// have been stored first.
    public func openRead(reader: String, study: String, context: ReadContext) throws -> ReadRecord {
        try validate(reader: reader, study: study, context: context)
        return try writing { db in
            if let existing = try findRead(db, reader: reader, study: study, context: context) {
                return existing
            }
            if let name = context.experiment,
               try Bool.fetchOne(db, sql: "SELECT 1 FROM experiments WHERE name = ?", arguments: [name]) == nil {
                throw LedgerError.unknownExperiment(path: path, name: name)
            }
            try insertReader(db, reader)
            try db.execute(sql: """
                INSERT INTO reads (reader, study, experiment, session, arm, pass, status, opened_at)
                VALUES (?, ?, ?, ?, ?, ?, 'inProgress', ?)
                """, arguments: [reader, study, context.experiment, context.session, context.arm,
                                 context.pass, wallClock()])
            return try readRecord(db, db.lastInsertedRowID)
        }
    }

    /// Study id → status for the plain queue (reads outside any experiment).
    /// Studies never opened are absent: the caller treats them as `.unread`.
    /// When a study has several reads (both passes), any one in progress makes
    /// it in progress.
    public func statuses(reader: String) throws -> [String: ReadStatus] {
        try statuses(reads: reads(reader: reader).filter { $0.context.experiment == nil })
    }

    /// Study id → status within one experiment session.
    public func statuses(reader: String, experiment: String, session: Int) throws -> [String: ReadStatus] {
        try statuses(reads: reads(reader: reader).filter {
            $0.context.experiment == experiment && $0.context.session == session
        })
    }

    private func statuses(reads: [ReadRecord]) -> [String: ReadStatus] {
        var result: [String: ReadStatus] = [:]
        for read in reads where result[read.study] != .inProgress {
            result[read.study] = read.status
        }
        return result
    }

    /// Every read of `reader`, oldest first.
    public func reads(reader: String) throws -> [ReadRecord] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM reads WHERE reader = ? ORDER BY id", arguments: [reader])
                .map { try decodeRead($0) }
        }
    }

    /// One read by id.
    public func read(_ id: ReadRecord.ID) throws -> ReadRecord {
        try reading { db in try readRecord(db, id) }
    }

    // MARK: - Helpers shared with events and signing

    func readRecord(_ db: Database, _ id: Int64) throws -> ReadRecord {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM reads WHERE id = ?", arguments: [id]) else {
            throw LedgerError.unknownRead(path: path, read: id)
        }
        return try decodeRead(row)
    }

    func findRead(_ db: Database, reader: String, study: String, context: ReadContext) throws -> ReadRecord? {
        try Row.fetchOne(db, sql: """
            SELECT * FROM reads
            WHERE reader = ? AND study = ? AND ifnull(experiment, '') = ? AND ifnull(session, 0) = ?
              AND ifnull(arm, '') = ? AND pass = ?
            """, arguments: [reader, study, context.experiment ?? "", context.session ?? 0,
                             context.arm ?? "", context.pass])
            .map { try decodeRead($0) }
    }

    func decodeRead(_ row: Row) throws -> ReadRecord {
        let d = RowDecoder(row, path: path, table: "reads")
        let statusText: String = try d.required("status")
        guard let status = ReadStatus(rawValue: statusText), status != .unread else { throw d.failure("status") }
        let context = ReadContext(experiment: try d.optional("experiment"), session: try d.optional("session"),
                                  arm: try d.optional("arm"), pass: try d.required("pass"))
        return ReadRecord(id: d.rowID, reader: try d.required("reader"), study: try d.required("study"),
                          context: context, status: status, openedWallTime: try d.required("opened_at"))
    }

    func identity(of read: ReadRecord) -> ReadIdentity {
        ReadIdentity(id: read.id, reader: read.reader, study: read.study, context: read.context)
    }

    private func validate(reader: String, study: String, context: ReadContext) throws {
        if reader.isEmpty { throw LedgerError.invalidContext(path: path, reason: "the reader id is empty") }
        if study.isEmpty { throw LedgerError.invalidContext(path: path, reason: "the study id is empty") }
        if !(1...2).contains(context.pass) {
            throw LedgerError.invalidContext(path: path, reason: "pass must be 1 or 2, not \(context.pass)")
        }
        if context.experiment == nil && (context.session != nil || context.arm != nil) {
            throw LedgerError.invalidContext(path: path, reason: "a session or arm needs an experiment")
        }
        if let session = context.session, session < 1 {
            throw LedgerError.invalidContext(path: path, reason: "session must be 1 or more, not \(session)")
        }
        for text in [reader, study, context.experiment ?? "", context.arm ?? ""] where text.contains("\0") {
            throw LedgerError.invalidContext(path: path, reason: "text with a NUL character")
        }
    }
}
