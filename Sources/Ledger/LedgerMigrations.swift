import GRDB

/// The schema, as named migrations applied in order and recorded by GRDB in
/// `grdb_migrations`. A released migration is never edited: change the schema
/// by adding one. Docs/LEDGER.md describes every table.
enum LedgerMigrations {
    static let identifiers = ["v1-readers-reads-events", "v2-drafts-signed-reads", "v3-experiments-assignments",
                              "v4-ai-results", "v5-app-sessions"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(identifiers[0]) { db in try db.execute(sql: v1) }
        migrator.registerMigration(identifiers[1]) { db in try db.execute(sql: v2) }
        migrator.registerMigration(identifiers[2]) { db in try db.execute(sql: v3) }
        migrator.registerMigration(identifiers[3]) { db in try db.execute(sql: v4) }
        migrator.registerMigration(identifiers[4]) { db in try db.execute(sql: v5) }
        return migrator
    }

    /// Readers, their reads (one row per reader × study × context) and the
    /// append-only, hash-chained event log.
    static let v1 = """
        CREATE TABLE readers (
            id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
            created_at REAL NOT NULL
        );

        CREATE TABLE reads (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            reader TEXT NOT NULL REFERENCES readers(id),
            study TEXT NOT NULL CHECK (length(study) > 0),
            experiment TEXT,
            session INTEGER,
            arm TEXT,
            pass INTEGER NOT NULL DEFAULT 1 CHECK (pass IN (1, 2)),
            status TEXT NOT NULL DEFAULT 'inProgress' CHECK (status IN ('inProgress', 'signed')),
            opened_at REAL NOT NULL
        );
        -- NULLs are distinct in a UNIQUE constraint, so the plain context is folded to '' and 0.
        CREATE UNIQUE INDEX reads_identity
            ON reads (reader, study, ifnull(experiment, ''), ifnull(session, 0), ifnull(arm, ''), pass);
        CREATE TRIGGER reads_identity_is_fixed
            BEFORE UPDATE OF id, reader, study, experiment, session, arm, pass, opened_at ON reads
            BEGIN SELECT RAISE(ABORT, 'reads: a read''s reader, study and context are fixed'); END;
        CREATE TRIGGER reads_signed_is_final
            BEFORE UPDATE OF status ON reads WHEN OLD.status = 'signed'
            BEGIN SELECT RAISE(ABORT, 'reads: a signed read is final'); END;
        CREATE TRIGGER reads_no_delete
            BEFORE DELETE ON reads
            BEGIN SELECT RAISE(ABORT, 'reads: rows cannot be deleted'); END;

        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            read_id INTEGER NOT NULL REFERENCES reads(id),
            kind TEXT NOT NULL,
            app_session TEXT NOT NULL,
            monotonic_ns INTEGER NOT NULL,
            wall_time REAL NOT NULL,
            finding TEXT,
            value TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL UNIQUE
        );
        CREATE INDEX events_by_read ON events (read_id, id);
        CREATE TRIGGER events_no_update
            BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END;
        CREATE TRIGGER events_no_delete
            BEFORE DELETE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE refused'); END;
        """

    /// The mutable draft of a read in progress, and the final signed reads.
    static let v2 = """
        CREATE TABLE drafts (
            read_id INTEGER PRIMARY KEY REFERENCES reads(id),
            decisions TEXT NOT NULL,
            confidence INTEGER,
            saved_at REAL NOT NULL
        );

        CREATE TABLE signed_reads (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            read_id INTEGER NOT NULL UNIQUE REFERENCES reads(id),
            event_id INTEGER NOT NULL UNIQUE REFERENCES events(id),
            decisions TEXT NOT NULL,
            confidence INTEGER,
            signed_wall_time REAL NOT NULL,
            digest TEXT NOT NULL
        );
        CREATE TRIGGER signed_reads_no_update
            BEFORE UPDATE ON signed_reads
            BEGIN SELECT RAISE(ABORT, 'signed reads are final: UPDATE refused'); END;
        CREATE TRIGGER signed_reads_no_delete
            BEFORE DELETE ON signed_reads
            BEGIN SELECT RAISE(ABORT, 'signed reads are final: DELETE refused'); END;
        """

    /// Reader-study experiments and their assignment tables (reader × case ×
    /// session × arm × order), fixed once stored so the randomisation cannot be
    /// altered after reading starts.
    static let v3 = """
        CREATE TABLE experiments (
            name TEXT PRIMARY KEY NOT NULL CHECK (length(name) > 0),
            design TEXT NOT NULL,
            created_at REAL NOT NULL
        );
        CREATE TABLE assignments (
            experiment TEXT NOT NULL REFERENCES experiments(name),
            reader TEXT NOT NULL REFERENCES readers(id),
            study TEXT NOT NULL CHECK (length(study) > 0),
            session INTEGER NOT NULL CHECK (session >= 1),
            arm TEXT NOT NULL CHECK (length(arm) > 0),
            position INTEGER NOT NULL CHECK (position >= 1),
            PRIMARY KEY (experiment, reader, session, position)
        );
        CREATE TRIGGER experiments_are_fixed
            BEFORE UPDATE ON experiments
            BEGIN SELECT RAISE(ABORT, 'experiments are fixed once stored: UPDATE refused'); END;
        CREATE TRIGGER experiments_no_delete
            BEFORE DELETE ON experiments
            BEGIN SELECT RAISE(ABORT, 'experiments are fixed once stored: DELETE refused'); END;
        CREATE TRIGGER assignments_are_fixed
            BEFORE UPDATE ON assignments
            BEGIN SELECT RAISE(ABORT, 'assignments are fixed once stored: UPDATE refused'); END;
        CREATE TRIGGER assignments_no_delete
            BEFORE DELETE ON assignments
            BEGIN SELECT RAISE(ABORT, 'assignments are fixed once stored: DELETE refused'); END;
        -- reads.experiment predates this table (v1), so its reference is a trigger.
        CREATE TRIGGER reads_experiment_exists
            BEFORE INSERT ON reads
            WHEN NEW.experiment IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM experiments WHERE name = NEW.experiment)
            BEGIN SELECT RAISE(ABORT, 'reads: no such experiment'); END;
        """

    /// Pinned AI results: one stored result per (study, model fingerprint),
    /// with the engine that made it, so every reader is shown the same bytes
    /// and a sponsor can tell which model a read saw. An experiment pins the
    /// fingerprints of its models (prepare, or its first reader); a signed
    /// read names the results it was shown.
    static let v4 = """
        CREATE TABLE ai_results (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            study TEXT NOT NULL CHECK (length(study) > 0),
            model_name TEXT NOT NULL CHECK (length(model_name) > 0),
            model_version TEXT NOT NULL,
            model_sha256 TEXT NOT NULL CHECK (length(model_sha256) = 64),
            card_sha256 TEXT NOT NULL CHECK (length(card_sha256) = 64),
            engine_version TEXT NOT NULL,
            kernel_variant TEXT NOT NULL,
            payload TEXT NOT NULL,
            payload_sha256 TEXT NOT NULL CHECK (length(payload_sha256) = 64),
            created_at REAL NOT NULL,
            UNIQUE (study, model_name, model_version, model_sha256, card_sha256)
        );
        CREATE TRIGGER ai_results_are_fixed
            BEFORE UPDATE ON ai_results
            BEGIN SELECT RAISE(ABORT, 'ai_results are pinned: UPDATE refused'); END;
        CREATE TRIGGER ai_results_no_delete
            BEFORE DELETE ON ai_results
            BEGIN SELECT RAISE(ABORT, 'ai_results are pinned: DELETE refused'); END;

        CREATE TABLE experiment_models (
            experiment TEXT NOT NULL REFERENCES experiments(name),
            model_name TEXT NOT NULL CHECK (length(model_name) > 0),
            model_version TEXT NOT NULL,
            model_sha256 TEXT NOT NULL CHECK (length(model_sha256) = 64),
            card_sha256 TEXT NOT NULL CHECK (length(card_sha256) = 64),
            task TEXT NOT NULL,
            pinned_at REAL NOT NULL,
            PRIMARY KEY (experiment, model_name)
        );
        CREATE TRIGGER experiment_models_are_fixed
            BEFORE UPDATE ON experiment_models
            BEGIN SELECT RAISE(ABORT, 'experiment_models are pinned: UPDATE refused'); END;
        CREATE TRIGGER experiment_models_no_delete
            BEFORE DELETE ON experiment_models
            BEGIN SELECT RAISE(ABORT, 'experiment_models are pinned: DELETE refused'); END;

        -- Space-separated ai_results ids the read was shown; NULL: no AI shown.
        ALTER TABLE signed_reads ADD COLUMN ai_results TEXT;
        """

    /// One row per start of a reading screen (`read`, `read --experiment`,
    /// `practice read`): which reader id signed in from which OS account, so
    /// the ledger shows who sat at the keyboard, not only the id they used.
    /// Events name their app session in `events.app_session`; older events
    /// have no row here, so that column is not a foreign key.
    static let v5 = """
        CREATE TABLE app_sessions (
            app_session TEXT PRIMARY KEY NOT NULL CHECK (length(app_session) > 0),
            reader TEXT NOT NULL REFERENCES readers(id),
            os_account TEXT NOT NULL CHECK (length(os_account) > 0),
            experiment TEXT REFERENCES experiments(name),
            session INTEGER CHECK (session IS NULL OR session >= 1),
            started_at REAL NOT NULL,
            CHECK ((experiment IS NULL) = (session IS NULL))
        );
        CREATE INDEX app_sessions_by_reader ON app_sessions (reader, started_at);
        CREATE TRIGGER app_sessions_no_update
            BEFORE UPDATE ON app_sessions
            BEGIN SELECT RAISE(ABORT, 'app sessions are append-only: UPDATE refused'); END;
        CREATE TRIGGER app_sessions_no_delete
            BEFORE DELETE ON app_sessions
            BEGIN SELECT RAISE(ABORT, 'app sessions are append-only: DELETE refused'); END;
        """
}
