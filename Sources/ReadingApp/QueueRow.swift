import Common
import Worklist

/// One line of the study queue: a usable study or a broken folder.
public struct QueueRow: Sendable, Equatable {
    public var id: String
    public var study: Study?
    public var brokenMessage: String?
    public var status: QueueStatus
    /// The AI's flag once the study's models have run (this run or cached); see `AppState.queueFlag(row:)`.
    public var aiFlag: AIFlag?

    public init(entry: LibraryEntry, status: QueueStatus) {
        switch entry {
        case .study(let s):
            id = s.id; study = s; brokenMessage = nil
        case .broken(_, let message):
            id = entry.folderName; study = nil; brokenMessage = message
        }
        self.status = status
    }

    public var isBroken: Bool { study == nil }
}
