/// The queue's one-glance summary of what the AI said about a study: its most
/// severe finding or highest probability. Only ever shown where the reader's
/// arm allows queue flags (never on an unaided or sequential read).
public struct AIFlag: Sendable, Equatable {
    /// At most 10 cells: "P 0.87", "sev L4-L5", "SDS +3.0".
    public var text: String
    /// Orders flags within a kind (higher = more concerning): a probability, or
    /// |SDS| / 4 capped at 1 for bone age.
    public var score: Double
    /// Above the operating point, moderate or worse stenosis, or bone age outside ±2 SDS.
    public var alert: Bool

    public init(text: String, score: Double, alert: Bool) {
        self.text = text; self.score = score; self.alert = alert
    }

    /// Alerts first, then by score, highest first.
    public static func isMoreConcerning(_ a: AIFlag, than b: AIFlag) -> Bool {
        a.alert != b.alert ? a.alert : a.score > b.score
    }
}
