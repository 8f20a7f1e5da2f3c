import GRDB

extension LedgerStore {
    /// Records the start of a reading screen (append-only) and returns the
    /// stored row, stamped with the ledger's wall clock. Creates the reader
    /// if needed; an experiment must be stored first.
    @discardableResult
    public func recordAppSession(_ appSession: String, reader: String, osAccount: String,
                                 experiment: String? = nil, session: Int? = nil) throws -> AppSessionRecord {
        guard !appSession.isEmpty, !reader.isEmpty, !osAccount.isEmpty else {
            throw LedgerError.invalidContext(path: path, reason: "an app session needs its id, reader and OS account")
        }
        guard (experiment == nil) == (session == nil), (session ?? 1) >= 1 else {
            throw LedgerError.invalidContext(path: path, reason: "an app session in an experiment needs its session number (1 or more)")
        }
        return try writing { db in
            if let experiment,
               try Bool.fetchOne(db, sql: "SELECT 1 FROM experiments WHERE name = ?", arguments: [experiment]) == nil {
                throw LedgerError.unknownExperiment(path: path, name: experiment)
            }
            try insertReader(db, reader)
            let record = AppSessionRecord(appSession: appSession, reader: reader, osAccount: osAccount,
                                          experiment: experiment, session: session, startedWallTime: wallClock())
            try db.execute(sql: """
                INSERT INTO app_sessions (app_session, reader, os_account, experiment, session, started_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [record.appSession, record.reader, record.osAccount, record.experiment,
                                 record.session, record.startedWallTime])
            return record
        }
    }

    /// App sessions, oldest first; of one reader when `reader` is given.
    public func appSessions(reader: String? = nil) throws -> [AppSessionRecord] {
        try reading { db in
            let rows = if let reader {
                try Row.fetchAll(db, sql: "SELECT rowid, * FROM app_sessions WHERE reader = ? ORDER BY started_at, rowid",
                                 arguments: [reader])
            } else {
                try Row.fetchAll(db, sql: "SELECT rowid, * FROM app_sessions ORDER BY started_at, rowid")
            }
            return try rows.map { row in
                let d = RowDecoder(row, path: path, table: "app_sessions", idColumn: "rowid")
                return AppSessionRecord(appSession: try d.required("app_session"), reader: try d.required("reader"),
                                        osAccount: try d.required("os_account"), experiment: try d.optional("experiment"),
                                        session: try d.optional("session"), startedWallTime: try d.required("started_at"))
            }
        }
    }
}
