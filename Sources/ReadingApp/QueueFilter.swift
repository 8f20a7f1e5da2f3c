import Common

/// Which queue rows show: text found in the id, kind or body part; one kind;
/// one status. The empty filter shows every row.
public struct QueueFilter: Sendable, Equatable {
    public var text = ""
    public var kind: StudyKind?
    public var status: QueueStatus?

    public init() {}

    public var isEmpty: Bool { text.isEmpty && kind == nil && status == nil }

    public func matches(_ row: QueueRow) -> Bool {
        if let status, row.status != status || row.isBroken { return false }
        if let kind, row.study?.kind != kind { return false }
        guard !text.isEmpty else { return true }
        let needle = text.lowercased()
        let m = row.study?.manifest
        return [row.id, m?.kind.rawValue ?? "", m?.bodyPart ?? "", m?.modality ?? ""]
            .contains { $0.lowercased().contains(needle) }
    }

    /// "kind: hand · status: unread · /wrist"
    public var summary: String {
        var parts: [String] = []
        if let kind { parts.append("kind: \(kind.rawValue)") }
        if let status { parts.append("status: \(status.rawValue)") }
        if !text.isEmpty { parts.append("/\(text)") }
        return parts.joined(separator: " · ")
    }
}
