/// What a reading screen may show and do under one arm.
public struct ArmPolicy: Sendable, Equatable {
    public let arm: StudyArm
    /// AI values, probabilities and heat maps on the first read.
    public let showAI: Bool
    /// AI flags (severity, probability) in the queue. Off whenever any read of
    /// the arm must be unaided: a flag on a queued case would unblind it.
    public let showQueueFlags: Bool
    /// The reader must sign an unaided read before seeing the AI.
    public let requiresUnaidedFirst: Bool
    /// Signing the first read locks it; it is kept, never overwritten.
    public let locksFirstReadOnSign: Bool
    /// After the first sign the AI is revealed for a second read.
    public let secondPassRevealsAI: Bool

    public init(arm: StudyArm) {
        self.arm = arm
        switch arm {
        case .unaided:
            showAI = false; showQueueFlags = false; requiresUnaidedFirst = false
            locksFirstReadOnSign = true; secondPassRevealsAI = false
        case .aided:
            showAI = true; showQueueFlags = true; requiresUnaidedFirst = false
            locksFirstReadOnSign = true; secondPassRevealsAI = false
        case .sequential:
            showAI = false; showQueueFlags = false; requiresUnaidedFirst = true
            locksFirstReadOnSign = true; secondPassRevealsAI = true
        }
    }

    /// The reads a case gets under this arm, in order.
    public var passes: [ReadPass] { secondPassRevealsAI ? [.first, .second] : [.first] }

    public func showsAI(during pass: ReadPass) -> Bool {
        switch pass {
        case .first: return showAI
        case .second: return secondPassRevealsAI
        }
    }

    /// The pass to read after signing `pass`, or nil when the case is done.
    public func pass(after pass: ReadPass) -> ReadPass? {
        guard let index = passes.firstIndex(of: pass), index + 1 < passes.count else { return nil }
        return passes[index + 1]
    }

    /// The treatment a signed pass is exported under. The sequential arm's two
    /// reads are two treatments of the same case (`sequential-unaided`,
    /// `sequential-aided`), the usual way sequential designs are analysed.
    public func treatment(for pass: ReadPass) -> String {
        switch (arm, pass) {
        case (.sequential, .first): return "sequential-unaided"
        case (.sequential, .second): return "sequential-aided"
        default: return arm.rawValue
        }
    }
}
