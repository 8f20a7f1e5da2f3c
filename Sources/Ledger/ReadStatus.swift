/// Where a study stands for one reader. Stored as its raw value (`inProgress`,
/// `signed`; `unread` means no row), so the raw values are a file format.
public enum ReadStatus: String, Sendable, Codable, CaseIterable {
    case unread
    case inProgress
    case signed
}
