import Common
import GRDB

extension LedgerStore {
    /// The result pinned for (study, model), or nil. A row whose payload no
    /// longer matches its stored SHA-256 is refused, never shown.
    public func aiResult(study: String, model: ModelFingerprint) throws -> StoredAIResult? {
        try reading { db in try fetchAIResult(db, study: study, model: model) }
    }

    public func aiResult(id: Int64) throws -> StoredAIResult? {
        try reading { db in
            try Row.fetchOne(db, sql: "SELECT * FROM ai_results WHERE id = ?", arguments: [id]).map(decodeAIResult)
        }
    }

    /// Every pinned result, oldest first.
    public func aiResults() throws -> [StoredAIResult] {
        try reading { db in try Row.fetchAll(db, sql: "SELECT * FROM ai_results ORDER BY id").map(decodeAIResult) }
    }

    /// Stores a result unless one is pinned for (study, model) already; returns
    /// the pinned one either way. Concurrent pinners (processes or hosts) all
    /// get the first writer's row: the UNIQUE key decides, in one transaction.
    public func pinAIResult(study: String, model: ModelFingerprint, engineVersion: String, kernelVariant: String,
                            payload: String) throws -> StoredAIResult {
        guard !isReadOnly else { throw LedgerError.readOnly(path: path) }
        let now = wallClock()
        return try writing { db in
            try db.execute(sql: """
                INSERT OR IGNORE INTO ai_results
                    (study, model_name, model_version, model_sha256, card_sha256, engine_version, kernel_variant,
                     payload, payload_sha256, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [study, model.name, model.version, model.modelSHA256, model.cardSHA256,
                                 engineVersion, kernelVariant, payload, SHA256.hash(payload), now])
            guard let stored = try fetchAIResult(db, study: study, model: model) else {
                throw LedgerError.database(path: path, reason: "the pinned AI result for \(study) was not stored")
            }
            return stored
        }
    }

    /// The models experiment `name` is pinned to, by name.
    public func experimentModels(_ name: String) throws -> [ExperimentModel] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM experiment_models WHERE experiment = ? ORDER BY model_name",
                             arguments: [name]).map { row in
                let d = RowDecoder(row, path: path, table: "experiment_models", idColumn: "rowid")
                return ExperimentModel(
                    model: try fingerprint(d),
                    task: try d.required("task"), pinnedAt: try d.required("pinned_at"))
            }
        }
    }

    /// Pins the experiment's models; a model name pinned already keeps its
    /// first fingerprint (the caller compares and refuses a changed model).
    /// Returns every pinned model.
    @discardableResult
    public func pinExperimentModels(_ name: String, _ models: [ExperimentModel]) throws -> [ExperimentModel] {
        guard !isReadOnly else { throw LedgerError.readOnly(path: path) }
        let now = wallClock()
        try writing { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM experiments WHERE name = ?", arguments: [name]) != nil else {
                throw LedgerError.unknownExperiment(path: path, name: name)
            }
            for m in models {
                try db.execute(sql: """
                    INSERT OR IGNORE INTO experiment_models
                        (experiment, model_name, model_version, model_sha256, card_sha256, task, pinned_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [name, m.model.name, m.model.version, m.model.modelSHA256, m.model.cardSHA256, m.task, now])
            }
        }
        return try experimentModels(name)
    }

    private func fetchAIResult(_ db: Database, study: String, model: ModelFingerprint) throws -> StoredAIResult? {
        try Row.fetchOne(db, sql: """
            SELECT * FROM ai_results
            WHERE study = ? AND model_name = ? AND model_version = ? AND model_sha256 = ? AND card_sha256 = ?
            """, arguments: [study, model.name, model.version, model.modelSHA256, model.cardSHA256]).map(decodeAIResult)
    }

    /// The four model columns both tables share.
    private func fingerprint(_ d: RowDecoder) throws -> ModelFingerprint {
        ModelFingerprint(name: try d.required("model_name"), version: try d.required("model_version"),
                         modelSHA256: try d.required("model_sha256"), cardSHA256: try d.required("card_sha256"))
    }

    func decodeAIResult(_ row: Row) throws -> StoredAIResult {
        let d = RowDecoder(row, path: path, table: "ai_results")
        let payload: String = try d.required("payload")
        guard SHA256.hash(payload) == (try d.required("payload_sha256") as String) else {
            throw LedgerError.corrupt(path: path, reason: "ai_results row \(d.rowID): the payload no longer matches its SHA-256")
        }
        return StoredAIResult(
            id: d.rowID, study: try d.required("study"),
            model: try fingerprint(d),
            engineVersion: try d.required("engine_version"), kernelVariant: try d.required("kernel_variant"),
            payload: payload, createdAt: try d.required("created_at"))
    }
}
