import GRDB
import ReaderStudy

extension LedgerStore {
    /// Kinds that would change a read's decisions; refused once it is signed.
    static let decisionKinds: Set<EventKind> = [.valueChanged, .accepted, .overridden, .confidence]

    /// Appends `event` to the log, chained to the previous row, and returns its
    /// id. `signed` events are written only by `sign`, together with the signed
    /// read; after signing, events that would change a decision are refused.
    @discardableResult
    public func append(_ event: ReadEvent, to read: ReadRecord.ID) throws -> Int64 {
        if event.kind == .signed {
            throw LedgerError.invalidEvent(path: path, read: read,
                                           reason: "a signed event is written by sign, with the decisions")
        }
        try validate(event, read: read)
        return try writing { db in
            let record = try readRecord(db, read)
            if record.status == .signed && Self.decisionKinds.contains(event.kind) {
                throw LedgerError.readIsSigned(path: path, read: read, refused: "\(event.kind.rawValue) events")
            }
            return try insertEvent(db, read: identity(of: record), event: event, value: event.value)
        }
    }

    /// The events of one read, in the order they were appended.
    public func events(read: ReadRecord.ID) throws -> [StoredEvent] {
        try reading { db in
            _ = try readRecord(db, read)
            return try Row.fetchAll(db, sql: "SELECT * FROM events WHERE read_id = ? ORDER BY id",
                                    arguments: [read])
                .map { try decodeEvent($0) }
        }
    }

    // MARK: - Chain

    /// Must run inside a write transaction: the tail read and the insert are one step.
    func insertEvent(_ db: Database, read: ReadIdentity, event: ReadEvent, value: String?) throws -> Int64 {
        let prev = try String.fetchOne(db, sql: "SELECT hash FROM events ORDER BY id DESC LIMIT 1")
            ?? ChainHash.genesis
        let monotonic = Int64(bitPattern: event.monotonicNanos)
        let hash = ChainHash.event(read: read, kind: event.kind.rawValue, appSession: event.appSession,
                                   monotonicNs: monotonic, wallTime: event.wallTime, finding: event.finding,
                                   value: value, prevHash: prev).sha256
        try db.execute(sql: """
            INSERT INTO events (read_id, kind, app_session, monotonic_ns, wall_time, finding, value, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [read.id, event.kind.rawValue, event.appSession, monotonic, event.wallTime,
                             event.finding, value, prev, hash])
        return db.lastInsertedRowID
    }

    func decodeEvent(_ row: Row) throws -> StoredEvent {
        let d = RowDecoder(row, path: path, table: "events")
        let kindText: String = try d.required("kind")
        guard let kind = EventKind(rawValue: kindText) else { throw d.failure("kind") }
        let monotonic: Int64 = try d.required("monotonic_ns")
        let event = ReadEvent(kind: kind, appSession: try d.required("app_session"),
                              monotonicNanos: UInt64(bitPattern: monotonic), wallTime: try d.required("wall_time"),
                              finding: try d.optional("finding"), value: try d.optional("value"))
        return StoredEvent(id: d.rowID, readID: try d.required("read_id"), event: event,
                           prevHash: try d.required("prev_hash"), hash: try d.required("hash"))
    }

    /// What SQLite cannot store faithfully would break the chain on reading
    /// back: NaN becomes NULL, and text is cut at a NUL by some readers.
    func validate(_ event: ReadEvent, read: ReadRecord.ID) throws {
        if !event.wallTime.isFinite {
            throw LedgerError.invalidEvent(path: path, read: read, reason: "wall time is not a finite number")
        }
        if event.appSession.isEmpty {
            throw LedgerError.invalidEvent(path: path, read: read, reason: "the app session is empty")
        }
        for text in [event.appSession, event.finding ?? "", event.value ?? ""] where text.contains("\0") {
            throw LedgerError.invalidEvent(path: path, read: read, reason: "text with a NUL character")
        }
    }
}
