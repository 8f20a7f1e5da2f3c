/// The rules the reading screen follows: clinical reading shows the AI;
/// an unaided arm hides it everywhere, queue flags included.
public struct ReadingMode: Sendable, Equatable {
    public var label: String
    public var showAI: Bool

    public init(label: String, showAI: Bool) { self.label = label; self.showAI = showAI }

    public static let clinical = ReadingMode(label: "clinical", showAI: true)
}
