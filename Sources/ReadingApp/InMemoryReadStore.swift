import ReaderStudy

/// A `ReadStore` in memory, for tests and dry runs.
public final class InMemoryReadStore: ReadStore {
    public struct Read: Equatable {
        public var reader: String
        public var study: String
        public var decisions: [FindingDecision] = []
        public var confidence: Int?
        public var signed = false
        /// 1, or 2 for the sequential arm's AI-revealed second read.
        public var pass = 1
    }

    public private(set) var reads: [Int64: Read] = [:]
    public private(set) var events: [(read: Int64, event: ReadEvent)] = []
    /// Studies read under the sequential arm (two reads each).
    public var sequential: Set<String>
    private var nextId: Int64 = 1

    public init(sequential: Set<String> = []) { self.sequential = sequential }

    public func statuses(reader: String) throws -> [String: QueueStatus] {
        var out: [String: QueueStatus] = [:]
        for r in reads.values where r.reader == reader {
            let done = r.signed && (!sequential.contains(r.study) || r.pass == 2)
            if out[r.study] != .signed || done { out[r.study] = done ? .signed : .inProgress }
        }
        return out
    }

    public func openRead(reader: String, study: String) throws -> (readId: Int64, decisions: [FindingDecision], confidence: Int?) {
        try open(reader: reader, study: study, pass: 1)
    }

    public func append(_ event: ReadEvent, read: Int64) throws { events.append((read, event)) }

    public func saveDraft(_ decisions: [FindingDecision], confidence: Int?, read: Int64) throws {
        reads[read]?.decisions = decisions
        reads[read]?.confidence = confidence
    }

    public func sign(read: Int64, decisions: [FindingDecision], confidence: Int?, event: ReadEvent, aiResults: [Int64]) throws {
        guard var r = reads[read], !r.signed else { throw InMemoryStoreError.alreadySigned }
        r.decisions = decisions
        r.confidence = confidence
        r.signed = true
        reads[read] = r
        events.append((read, event))
    }

    public func signedFirstPass(reader: String, study: String) throws -> (decisions: [FindingDecision], confidence: Int?)? {
        guard sequential.contains(study),
              let first = reads.values.first(where: { $0.reader == reader && $0.study == study && $0.pass == 1 && $0.signed }),
              !reads.values.contains(where: { $0.reader == reader && $0.study == study && $0.pass == 2 && $0.signed })
        else { return nil }
        return (first.decisions, first.confidence)
    }

    public func openSecondPass(reader: String, study: String) throws -> (readId: Int64, decisions: [FindingDecision], confidence: Int?) {
        guard sequential.contains(study) else { throw ReadingAppError.noSecondPass(study: study) }
        return try open(reader: reader, study: study, pass: 2)
    }

    private func open(reader: String, study: String, pass: Int) throws -> (readId: Int64, decisions: [FindingDecision], confidence: Int?) {
        if let (id, r) = reads.first(where: { $0.value.reader == reader && $0.value.study == study && $0.value.pass == pass && !$0.value.signed }) {
            return (id, r.decisions, r.confidence)
        }
        let id = nextId
        nextId += 1
        reads[id] = Read(reader: reader, study: study, pass: pass)
        return (id, [], nil)
    }

    public enum InMemoryStoreError: Error { case alreadySigned }
}
