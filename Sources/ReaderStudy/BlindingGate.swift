/// The one blinding gate of a reading session: built once from the mode and
/// the arm assigned to each case, and asked by every view and reducer step
/// before anything that could unblind a reader reaches the screen (AI values,
/// heat maps, markers, queue flags, the reference, other readers' reads, the
/// arm's label). The rules themselves are `BlindingRules`; this value only
/// says which mode applies to which case.
public struct BlindingGate: Sendable, Equatable {
    /// The session's name on the status line ("clinical", "practice", "wr s1").
    public var label: String
    /// The mode of a case without an assigned arm. In an experiment session that is
    /// the unaided arm: a case the table does not assign shows nothing of the AI.
    public var unassigned: ReadingMode
    /// Each case's assigned arm (experiment sessions only).
    public var arms: [String: StudyArm]

    public init(label: String, unassigned: ReadingMode, arms: [String: StudyArm] = [:]) {
        self.label = label; self.unassigned = unassigned; self.arms = arms
    }

    public static let clinical = BlindingGate(label: "clinical", unassigned: .clinical)
    public static let practice = BlindingGate(label: "practice", unassigned: .practice)

    /// An experiment session: each case under its arm, anything else unaided.
    public static func experiment(label: String, arms: [String: StudyArm]) -> BlindingGate {
        BlindingGate(label: label, unassigned: .experiment(.unaided), arms: arms)
    }

    public func mode(for study: String) -> ReadingMode {
        arms[study].map { .experiment($0) } ?? unassigned
    }

    /// May `viewer` see `content` of `study` at `phase`?
    public func mayShow(_ content: ScreenContent, study: String, phase: ReadPhase, viewer: String) -> Bool {
        BlindingRules.mayShow(content, to: viewer, mode: mode(for: study), phase: phase)
    }

    /// The case's arm when it is read under one (its label, its passes).
    public func arm(for study: String) -> StudyArm? { arms[study] }

    /// Whether the case gets a second, AI-revealed read after the first is signed.
    public func readsTwice(_ study: String) -> Bool {
        arms[study].map { ArmPolicy(arm: $0).secondPassRevealsAI } ?? false
    }

    /// Whether the session belongs to an experiment (its order and confidence rules apply).
    public var isExperiment: Bool {
        if case .experiment = unassigned { return true }
        return !arms.isEmpty
    }
}
