import GRDB

extension LedgerStore {
    /// Stores an experiment and its whole assignment table in one transaction.
    /// Both are fixed afterwards (triggers refuse UPDATE and DELETE), so the
    /// randomisation cannot change once reading has started. `design` is the
    /// ReaderStudy's own description (JSON), kept verbatim.
    public func createExperiment(name: String, design: String, assignments: [AssignmentRow]) throws {
        if name.isEmpty || name.contains("\0") {
            throw LedgerError.invalidContext(path: path, reason: "an experiment needs a name")
        }
        try validate(assignments, experiment: name)
        try writing { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM experiments WHERE name = ?", arguments: [name]) != nil {
                throw LedgerError.experimentExists(path: path, name: name)
            }
            let now = wallClock()
            try db.execute(sql: "INSERT INTO experiments (name, design, created_at) VALUES (?, ?, ?)",
                           arguments: [name, design, now])
            for reader in Set(assignments.map(\.reader)).sorted() { try insertReader(db, reader) }
            let insert = try db.makeStatement(sql: """
                INSERT INTO assignments (experiment, reader, study, session, arm, position) VALUES (?, ?, ?, ?, ?, ?)
                """)
            for row in assignments {
                try insert.execute(arguments: [name, row.reader, row.study, row.session, row.arm, row.order])
            }
        }
    }

    public func experiment(named name: String) throws -> ExperimentRecord? {
        try reading { db in
            try Row.fetchOne(db, sql: "SELECT rowid, * FROM experiments WHERE name = ?", arguments: [name])
                .map { try decodeExperiment($0) }
        }
    }

    /// Every experiment, oldest first.
    public func experiments() throws -> [ExperimentRecord] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT rowid, * FROM experiments ORDER BY created_at, name")
                .map { try decodeExperiment($0) }
        }
    }

    /// The assignment table, by reader, session and order.
    public func assignments(experiment name: String) throws -> [AssignmentRow] {
        try reading { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM experiments WHERE name = ?", arguments: [name]) == nil {
                throw LedgerError.unknownExperiment(path: path, name: name)
            }
            return try Row.fetchAll(db, sql: """
                SELECT rowid, * FROM assignments WHERE experiment = ? ORDER BY reader, session, position
                """, arguments: [name]).map { row in
                let d = RowDecoder(row, path: path, table: "assignments", idColumn: "rowid")
                return AssignmentRow(reader: try d.required("reader"), study: try d.required("study"),
                                     session: try d.required("session"), arm: try d.required("arm"),
                                     order: try d.required("position"))
            }
        }
    }

    private func decodeExperiment(_ row: Row) throws -> ExperimentRecord {
        let d = RowDecoder(row, path: path, table: "experiments", idColumn: "rowid")
        return ExperimentRecord(name: try d.required("name"), design: try d.required("design"),
                                createdWallTime: try d.required("created_at"))
    }

    /// Named errors for what the table's constraints would refuse anyway.
    private func validate(_ rows: [AssignmentRow], experiment: String) throws {
        var slots = Set<String>()
        for (index, row) in rows.enumerated() {
            let at = "row \(index + 1)"
            if row.reader.isEmpty || row.study.isEmpty || row.arm.isEmpty {
                throw LedgerError.invalidAssignment(path: path, experiment: experiment,
                                                    reason: "\(at): reader, study and arm must not be empty")
            }
            if row.session < 1 || row.order < 1 {
                throw LedgerError.invalidAssignment(path: path, experiment: experiment,
                                                    reason: "\(at): session and order start at 1")
            }
            if [row.reader, row.study, row.arm].contains(where: { $0.contains("\0") }) {
                throw LedgerError.invalidAssignment(path: path, experiment: experiment,
                                                    reason: "\(at): text with a NUL character")
            }
            let slot = "\(row.reader)\u{1}\(row.session)\u{1}\(row.order)"
            if !slots.insert(slot).inserted {
                throw LedgerError.invalidAssignment(
                    path: path, experiment: experiment,
                    reason: "\(at): reader \(row.reader), session \(row.session) has order \(row.order) twice")
            }
        }
    }
}
