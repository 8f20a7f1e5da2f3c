import Common
import Foundation

/// `lightbox audit NAME`: the one page a sponsor can file about a reader
/// study — its design and hash, the randomisation's seed and hash, each
/// reader's sessions with washouts, the models with their hashes, the chain's
/// verification, and every anomaly the record shows. Built from plain inputs
/// (the caller reads the ledger), so it is tested without one.
public struct ExperimentAudit: Sendable, Equatable, Codable {
    public static let formatVersion = 1

    public struct Design: Sendable, Equatable, Codable {
        public var name: String
        public var kind: String
        public var arms: [String]
        public var readers: [String]
        public var cases: Int
        public var sessions: Int
        public var washoutDays: Int
        /// SHA-256 of the design JSON exactly as the ledger stores it (as the export sidecars).
        public var sha256: String
    }

    public struct Randomisation: Sendable, Equatable, Codable {
        public var seed: UInt64
        public var assignments: Int
        /// SHA-256 of the assignment table's canonical text (`canonicalText`).
        public var sha256: String
    }

    public struct Session: Sendable, Equatable, Codable {
        public var reader: String
        public var session: Int
        public var assigned: Int
        public var signed: Int
        /// First event and last sign of the session (seconds since 1970); nil before any read.
        public var start: Double?
        public var end: Double?
        /// Days from the previous session's last sign to this session's first event.
        public var washoutDays: Double?
        /// OS accounts that read in this session (from the app sessions; empty before they were recorded).
        public var accounts: [String]
    }

    public struct Chain: Sendable, Equatable, Codable {
        public var intact: Bool
        public var events: Int
        public var signedReads: Int
        public var head: String
        public var problem: String?

        public init(intact: Bool, events: Int, signedReads: Int, head: String, problem: String?) {
            self.intact = intact; self.events = events; self.signedReads = signedReads; self.head = head; self.problem = problem
        }
    }

    public struct Anomaly: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, Codable {
            case resumedAfterCrash, paused, idleExcluded, signedWithPending, shortWashout, unassignedRead, unsignedRead
        }
        public var kind: Kind
        public var reader: String
        public var caseID: String?
        public var session: Int?
        public var pass: Int?
        public var detail: String
    }

    public struct Model: Sendable, Equatable, Codable {
        public var task: String
        public var fingerprint: ModelFingerprint
        /// Stored results of this model on the experiment's cases.
        public var results: Int

        public init(task: String, fingerprint: ModelFingerprint, results: Int) {
            self.task = task; self.fingerprint = fingerprint; self.results = results
        }
    }

    /// One read of the experiment as the ledger holds it.
    public struct Read: Sendable, Equatable {
        public var reader: String
        public var caseID: String
        public var session: Int
        public var arm: String
        public var pass: Int
        public var events: [ReadEvent]
        /// The signed decisions, nil while unsigned.
        public var signed: [FindingDecision]?
        public var signedWallTime: Double?

        public init(reader: String, caseID: String, session: Int, arm: String, pass: Int, events: [ReadEvent],
                    signed: [FindingDecision]?, signedWallTime: Double?) {
            self.reader = reader; self.caseID = caseID; self.session = session; self.arm = arm; self.pass = pass
            self.events = events; self.signed = signed; self.signedWallTime = signedWallTime
        }
    }

    public var formatVersion = ExperimentAudit.formatVersion
    public var lightboxVersion = LightboxVersion.current
    public var generatedAt: Double
    public var design: Design
    public var randomisation: Randomisation
    public var sessions: [Session]
    public var models: [Model]
    public var chain: Chain
    public var anomalies: [Anomaly]

    /// The assignment table as text, one row per line in (reader, session,
    /// order) order: reader, case, session, arm, order, tab-separated.
    public static func canonicalText(_ rows: [Assignment]) -> String {
        rows.sorted { ($0.reader, $0.session, $0.order) < ($1.reader, $1.session, $1.order) }
            .map { "\($0.reader)\t\($0.caseID)\t\($0.session)\t\($0.arm.rawValue)\t\($0.order)\n" }.joined()
    }

    /// `completions`: the final sign of each assignment, as SessionGate counts them.
    public init(design d: ExperimentDesign, storedDesign: String, table: AssignmentTable, reads: [Read],
                completions: [CaseCompletion], models: [Model], chain: Chain, accounts: [(reader: String, session: Int?, account: String)],
                timing: TimingRules = .standard, generatedAt: Double) {
        self.generatedAt = generatedAt
        design = Design(name: d.name, kind: d.design.rawValue, arms: d.arms.map(\.rawValue), readers: d.readers,
                        cases: d.caseIDs.count, sessions: d.sessions, washoutDays: d.washoutDays,
                        sha256: SHA256.hash(storedDesign))
        randomisation = Randomisation(seed: d.seed, assignments: table.rows.count, sha256: SHA256.hash(Self.canonicalText(table.rows)))
        self.models = models
        self.chain = chain
        var anomalies: [Anomaly] = []
        var sessions: [Session] = []
        let assigned = Set(table.rows.map { "\($0.reader)|\($0.caseID)|\($0.session)|\($0.arm.rawValue)" })
        for reader in d.readers {
            var previousEnd: Double?
            for session in 1...max(d.sessions, 1) {
                let rows = table.rows(reader: reader, session: session)
                let mine = reads.filter { $0.reader == reader && $0.session == session }
                let starts = mine.compactMap { $0.events.first?.wallTime }
                let ends = mine.compactMap(\.signedWallTime)
                let signed = completions.filter { $0.reader == reader && $0.session == session }.count
                var line = Session(reader: reader, session: session, assigned: rows.count, signed: signed,
                                   start: starts.min(), end: ends.max(), washoutDays: nil,
                                   accounts: Array(Set(accounts.filter { $0.reader == reader && $0.session == session }.map(\.account))).sorted())
                if let start = line.start, let before = previousEnd {
                    let days = (start - before) / 86_400
                    line.washoutDays = days
                    if days < Double(d.washoutDays) {
                        anomalies.append(Anomaly(kind: .shortWashout, reader: reader, caseID: nil, session: session, pass: nil,
                                                 detail: String(format: "session %d began %.1f days after session %d ended; the design asks %d", session, days, session - 1, d.washoutDays)))
                    }
                }
                if let end = line.end { previousEnd = end }
                sessions.append(line)
            }
        }
        for r in reads.sorted(by: { ($0.reader, $0.session, $0.caseID, $0.pass) < ($1.reader, $1.session, $1.caseID, $1.pass) }) {
            func note(_ kind: Anomaly.Kind, _ detail: String) {
                anomalies.append(Anomaly(kind: kind, reader: r.reader, caseID: r.caseID, session: r.session, pass: r.pass, detail: detail))
            }
            if !assigned.contains("\(r.reader)|\(r.caseID)|\(r.session)|\(r.arm)") {
                note(.unassignedRead, "read under arm \(r.arm) in session \(r.session), which the assignment table does not give this reader")
            }
            if r.signed == nil { note(.unsignedRead, "opened but not signed") }
            if let t = try? timing.measure(r.events) {
                if t.interruptions > 0 { note(.resumedAfterCrash, "the program ended \(t.interruptions) time(s) with the case open; the gaps are not counted") }
                if t.pausedNanos > 0 { note(.paused, String(format: "paused %.0f s (not counted)", t.paused)) }
                if t.idleNanos > 0 { note(.idleExcluded, String(format: "%.0f s of idle gaps excluded (threshold %.0f s)", t.idle, timing.idleThreshold)) }
            }
            if let decisions = r.signed {
                let pending = decisions.filter { $0.state == .pending }.map(\.finding)
                if !pending.isEmpty { note(.signedWithPending, "signed with \(pending.count) finding(s) pending: \(pending.joined(separator: ", "))") }
            }
        }
        self.sessions = sessions
        self.anomalies = anomalies
    }
}
