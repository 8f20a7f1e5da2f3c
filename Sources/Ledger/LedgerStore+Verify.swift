import Common
import GRDB

extension LedgerStore {
    /// Recomputes the audit chain in one snapshot and names the first row that
    /// was edited, removed or inserted; then checks every signed read against
    /// the digest its `signed` event carries. A rewrite of the whole chain with
    /// fresh hashes is only detectable against a head hash recorded elsewhere,
    /// which is why the report gives it.
    public func verifyChain() throws -> ChainReport {
        try reading { db in
            var verifier = ChainVerifier()
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT e.*, r.reader, r.study, r.experiment, r.session, r.arm, r.pass
                FROM events e LEFT JOIN reads r ON r.id = e.read_id
                ORDER BY e.id
                """)
            while let row = try cursor.next() {
                verifier.feed(link(row, skipHash: verifier.problem != nil))
            }
            verifier.finish()
            var problem = verifier.problem
            if problem == nil {
                let issued = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'events'") ?? 0
                if issued > (verifier.lastID ?? 0) {
                    problem = .removedAtEnd(after: verifier.lastID, lastIssued: issued)
                }
            }
            if problem == nil { problem = try signedReadProblem(db) }
            if problem == nil { problem = try aiResultProblem(db) }
            let signedCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM signed_reads") ?? 0
            return ChainReport(eventCount: verifier.count, signedReadCount: signedCount,
                               headHash: verifier.lastHash, problem: problem)
        }
    }

    /// The event whose stored hash is `hash`, if any: a head hash recorded
    /// outside the file must still be found (and the chain intact up to it).
    public func eventID(hash: String) throws -> Int64? {
        try reading { db in try Int64.fetchOne(db, sql: "SELECT id FROM events WHERE hash = ?", arguments: [hash]) }
    }

    /// A row that cannot be decoded cannot match its hash: it counts as edited.
    private func link(_ row: Row, skipHash: Bool) -> ChainVerifier.Link {
        let d = RowDecoder(row, path: path, table: "events")
        let prev = (try? d.required("prev_hash", as: String.self)) ?? ""
        let stored = (try? d.required("hash", as: String.self)) ?? ""
        if skipHash { return .init(id: d.rowID, prevHash: prev, hash: stored, contentMatches: true) }
        let recomputed: String? = try? {
            let identity = ReadIdentity(
                id: try d.required("read_id"), reader: try d.required("reader"), study: try d.required("study"),
                context: ReadContext(experiment: try d.optional("experiment"), session: try d.optional("session"),
                                     arm: try d.optional("arm"), pass: try d.required("pass")))
            return ChainHash.event(read: identity, kind: try d.required("kind"),
                                   appSession: try d.required("app_session"),
                                   monotonicNs: try d.required("monotonic_ns"), wallTime: try d.required("wall_time"),
                                   finding: try d.optional("finding"), value: try d.optional("value"),
                                   prevHash: prev).sha256
        }()
        return .init(id: d.rowID, prevHash: prev, hash: stored, contentMatches: recomputed == stored)
    }

    /// Every `signed` event has its signed read with the digest it carries, every
    /// signed read names its own `signed` event, and a read is marked signed
    /// exactly when it has a signed read.
    private func signedReadProblem(_ db: Database) throws -> ChainProblem? {
        let signedEvents = try Row.fetchCursor(db, sql: """
            SELECT e.id AS event_id, e.read_id, e.value, s.decisions, s.confidence, s.signed_wall_time, s.ai_results,
                   s.read_id AS signed_read_id, r.reader, r.study, r.experiment, r.session, r.arm, r.pass
            FROM events e
            LEFT JOIN signed_reads s ON s.event_id = e.id
            LEFT JOIN reads r ON r.id = s.read_id
            WHERE e.kind = 'signed'
            ORDER BY e.id
            """)
        while let row = try signedEvents.next() {
            let d = RowDecoder(row, path: path, table: "events", idColumn: "event_id")
            let read: Int64 = (try? d.required("read_id")) ?? -1
            guard let signedRead: Int64 = try? d.required("signed_read_id") else {
                return .signedReadMissing(read: read, event: d.rowID)
            }
            let digest: String? = try? {
                let identity = ReadIdentity(
                    id: signedRead, reader: try d.required("reader"), study: try d.required("study"),
                    context: ReadContext(experiment: try d.optional("experiment"), session: try d.optional("session"),
                                         arm: try d.optional("arm"), pass: try d.required("pass")))
                return ChainHash.signedRead(read: identity, decisionsJSON: try d.required("decisions"),
                                            confidence: try d.optional("confidence"),
                                            signedWallTime: try d.required("signed_wall_time"),
                                            aiResults: try d.optional("ai_results")).sha256
            }()
            let carried: String? = try? d.optional("value")
            if signedRead != read || digest == nil || digest != carried {
                return .signedReadEdited(read: signedRead, event: d.rowID)
            }
        }
        if let row = try Row.fetchOne(db, sql: """
            SELECT s.read_id, s.event_id FROM signed_reads s
            LEFT JOIN events e ON e.id = s.event_id AND e.kind = 'signed' AND e.read_id = s.read_id
            WHERE e.id IS NULL ORDER BY s.id LIMIT 1
            """) {
            let d = RowDecoder(row, path: path, table: "signed_reads", idColumn: "read_id")
            return .signedEventMissing(read: d.rowID, event: (try? d.required("event_id")) ?? -1)
        }
        if let read = try Int64.fetchOne(db, sql: """
            SELECT r.id FROM reads r LEFT JOIN signed_reads s ON s.read_id = r.id
            WHERE (r.status = 'signed') != (s.read_id IS NOT NULL) ORDER BY r.id LIMIT 1
            """) {
            return .statusMismatch(read: read)
        }
        return nil
    }

    /// Every pinned AI result still matches its SHA-256, and every `aiRevealed`
    /// event's reference (`ai_results ID=SHA256 …`, under the chain) names a
    /// stored result with that hash: a result edited together with its stored
    /// hash still breaks the chained reference.
    private func aiResultProblem(_ db: Database) throws -> ChainProblem? {
        var hashes: [Int64: String] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT id, payload, payload_sha256 FROM ai_results ORDER BY id")
        while let row = try rows.next() {
            let d = RowDecoder(row, path: path, table: "ai_results")
            guard let payload: String = try? d.required("payload"), let stored: String = try? d.required("payload_sha256"),
                  SHA256.hash(payload) == stored else { return .aiResultEdited(result: d.rowID, event: nil) }
            hashes[d.rowID] = stored
        }
        let shown = try Row.fetchCursor(db, sql: "SELECT id, value FROM events WHERE kind = 'aiRevealed' AND value IS NOT NULL ORDER BY id")
        while let row = try shown.next() {
            let d = RowDecoder(row, path: path, table: "events")
            guard let value: String = try? d.required("value"), let refs = AIResultReference.parse(value) else { continue }
            for ref in refs where hashes[ref.id] != ref.sha256 {
                return .aiResultEdited(result: ref.id, event: d.rowID)
            }
        }
        return nil
    }
}
