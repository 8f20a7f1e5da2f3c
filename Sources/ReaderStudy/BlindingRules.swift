/// The blinding rules of Lightbox as pure predicates. The reading screen asks
/// them through its session's `BlindingGate` before it renders anything that
/// could unblind a reader.
public enum BlindingRules {
    /// May `viewer`, reading in `mode` at `phase`, see `content`?
    public static func mayShow(_ content: ScreenContent, to viewer: String,
                               mode: ReadingMode, phase: ReadPhase) -> Bool {
        switch content {
        case .aiFindings:
            return showsAI(mode: mode, phase: phase)
        case .queueFlags:
            return showsQueueFlags(mode: mode)
        case .reference:
            // Reading screens never load the reference; only practice feedback does, after sign.
            return mode == .practice && phase == .signed
        case .modelFeedback:
            return mode == .practice && phase == .signed
        case .read(let author):
            return author == viewer
        case .coordinatorTools:
            return mode == .clinical
        case .armLabel:
            // Readers know which arm they read under (the design is open-label); nowhere else has arms.
            if case .experiment = mode { return true }
            return false
        }
    }

    public static func showsAI(mode: ReadingMode, phase: ReadPhase) -> Bool {
        switch mode {
        case .clinical:
            return true
        case .practice:
            // The trainee's read must be their own; the model appears only in the feedback.
            return false
        case .experiment(let arm):
            let policy = ArmPolicy(arm: arm)
            switch phase {
            case .reading(let pass): return policy.showsAI(during: pass)
            // After the last sign the arm's final state stays (aided: shown, unaided: never).
            case .signed: return policy.showsAI(during: policy.passes.last ?? .first)
            }
        }
    }

    public static func showsQueueFlags(mode: ReadingMode) -> Bool {
        switch mode {
        case .clinical: return true
        case .practice: return false
        case .experiment(let arm): return ArmPolicy(arm: arm).showQueueFlags
        }
    }

    /// May the reader change the decisions of `pass` now? Only the pass being
    /// read; a signed pass is locked (the first read of a sequential case
    /// stays exactly as signed while the second is made).
    public static func mayEdit(pass: ReadPass, phase: ReadPhase) -> Bool {
        phase == .reading(pass)
    }
}
