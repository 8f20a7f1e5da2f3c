import ReaderStudy

/// A `ReadStore` in memory, for tests and dry runs.
public final class InMemoryReadStore: ReadStore {
    public struct Read: Equatable {
        public var reader: String
        public var study: String
        public var decisions: [FindingDecision] = []
        public var confidence: Int?
        public var signed = false
    }

    public private(set) var reads: [Int64: Read] = [:]
    public private(set) var events: [(read: Int64, event: ReadEvent)] = []
    private var nextId: Int64 = 1

    public init() {}

    public func statuses(reader: String) throws -> [String: QueueStatus] {
        var out: [String: QueueStatus] = [:]
        for r in reads.values where r.reader == reader { out[r.study] = r.signed ? .signed : .inProgress }
        return out
    }

    public func openRead(reader: String, study: String) throws -> (readId: Int64, decisions: [FindingDecision], confidence: Int?) {
        if let (id, r) = reads.first(where: { $0.value.reader == reader && $0.value.study == study && !$0.value.signed }) {
            return (id, r.decisions, r.confidence)
        }
        let id = nextId
        nextId += 1
        reads[id] = Read(reader: reader, study: study)
        return (id, [], nil)
    }

    public func append(_ event: ReadEvent, read: Int64) throws { events.append((read, event)) }

    public func saveDraft(_ decisions: [FindingDecision], confidence: Int?, read: Int64) throws {
        reads[read]?.decisions = decisions
        reads[read]?.confidence = confidence
    }

    public func sign(read: Int64, decisions: [FindingDecision], confidence: Int?, event: ReadEvent) throws {
        guard var r = reads[read], !r.signed else { throw InMemoryStoreError.alreadySigned }
        r.decisions = decisions
        r.confidence = confidence
        r.signed = true
        reads[read] = r
        events.append((read, event))
    }

    public enum InMemoryStoreError: Error { case alreadySigned }
}
