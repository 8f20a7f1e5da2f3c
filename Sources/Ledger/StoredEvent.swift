import ReaderStudy

/// An event as the ledger holds it: the reader's event plus its place in the
/// audit chain (`prevHash` is the previous row's `hash`, 64 zeros for the first).
public struct StoredEvent: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let readID: ReadRecord.ID
    public let event: ReadEvent
    public let prevHash: String
    public let hash: String

    public init(id: Int64, readID: ReadRecord.ID, event: ReadEvent, prevHash: String, hash: String) {
        self.id = id; self.readID = readID; self.event = event; self.prevHash = prevHash; self.hash = hash
    }
}
