/// Where the current reader stands on a study.
public enum QueueStatus: String, Sendable, Equatable {
    case unread
    case inProgress = "in progress"
    case signed
}
