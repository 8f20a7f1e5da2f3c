/// What the reading screen may show, derived from the reading mode and arm: clinical reading shows the AI;
/// an unaided arm hides it everywhere, queue flags included.
public struct ScreenRules: Sendable, Equatable {
    public var label: String
    public var showAI: Bool

    public init(label: String, showAI: Bool) { self.label = label; self.showAI = showAI }

    public static let clinical = ScreenRules(label: "clinical", showAI: true)
}
