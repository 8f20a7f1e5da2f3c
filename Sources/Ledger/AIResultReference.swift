/// How an `aiRevealed` event names the pinned results the screen showed:
/// `ai_results 3=<sha256> 7=<sha256>`. The hash of each payload rides in the
/// chained event, so the stored result cannot be swapped afterwards.
public struct AIResultReference: Sendable, Equatable {
    public var id: Int64
    public var sha256: String

    public init(id: Int64, sha256: String) { self.id = id; self.sha256 = sha256 }

    static let prefix = "ai_results"

    /// The event value for `refs`; nil when there are none (no AI was pinned).
    public static func eventValue(_ refs: [AIResultReference]) -> String? {
        refs.isEmpty ? nil : ([prefix] + refs.map { "\($0.id)=\($0.sha256)" }).joined(separator: " ")
    }

    /// The references in an event value; nil when the value is not one.
    public static func parse(_ value: String) -> [AIResultReference]? {
        var parts = value.split(separator: " ")
        guard parts.first == Substring(prefix) else { return nil }
        parts.removeFirst()
        var refs: [AIResultReference] = []
        for part in parts {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, let id = Int64(pair[0]) else { return nil }
            refs.append(AIResultReference(id: id, sha256: String(pair[1])))
        }
        return refs
    }
}
