import Testing
@testable import ReaderStudy

@Suite struct BlindingRulesTests {
    private let allPhases: [ReadPhase] = [.reading(.first), .reading(.second), .signed]

    @Test func unaidedNeverShowsAIOrFlagsInAnyPhase() {
        for phase in allPhases {
            #expect(!BlindingRules.mayShow(.aiFindings, to: "a", mode: .experiment(.unaided), phase: phase))
            #expect(!BlindingRules.mayShow(.queueFlags, to: "a", mode: .experiment(.unaided), phase: phase))
        }
    }

    @Test func aidedShowsAIAndFlagsFromTheStart() {
        #expect(BlindingRules.mayShow(.aiFindings, to: "a", mode: .experiment(.aided), phase: .reading(.first)))
        #expect(BlindingRules.mayShow(.queueFlags, to: "a", mode: .experiment(.aided), phase: .reading(.first)))
    }

    @Test func sequentialRevealsAIOnlyOnTheSecondPassAndNeverFlagsTheQueue() {
        let mode = ReadingMode.experiment(.sequential)
        #expect(!BlindingRules.mayShow(.aiFindings, to: "a", mode: mode, phase: .reading(.first)))
        #expect(BlindingRules.mayShow(.aiFindings, to: "a", mode: mode, phase: .reading(.second)))
        #expect(BlindingRules.mayShow(.aiFindings, to: "a", mode: mode, phase: .signed))
        for phase in allPhases { #expect(!BlindingRules.mayShow(.queueFlags, to: "a", mode: mode, phase: phase)) }
    }

    @Test func sequentialPolicyLocksAndChainsPasses() {
        let policy = ArmPolicy(arm: .sequential)
        #expect(policy.requiresUnaidedFirst && policy.locksFirstReadOnSign && policy.secondPassRevealsAI)
        #expect(policy.passes == [.first, .second])
        #expect(policy.pass(after: .first) == .second)
        #expect(policy.pass(after: .second) == nil)
        #expect(ArmPolicy(arm: .aided).pass(after: .first) == nil)
        #expect(!BlindingRules.mayEdit(pass: .first, phase: .reading(.second)))
        #expect(BlindingRules.mayEdit(pass: .second, phase: .reading(.second)))
        #expect(!BlindingRules.mayEdit(pass: .second, phase: .signed))
    }

    @Test func treatmentsSplitTheSequentialArm() {
        #expect(ArmPolicy(arm: .sequential).treatment(for: .first) == "sequential-unaided")
        #expect(ArmPolicy(arm: .sequential).treatment(for: .second) == "sequential-aided")
        #expect(ArmPolicy(arm: .aided).treatment(for: .first) == "aided")
        #expect(ArmPolicy(arm: .unaided).treatment(for: .first) == "unaided")
    }

    @Test func referenceNeverBeforeSignAndOnlyInPractice() {
        let modes: [ReadingMode] = [.clinical, .practice, .experiment(.unaided), .experiment(.aided), .experiment(.sequential)]
        for mode in modes {
            for phase in allPhases {
                let allowed = BlindingRules.mayShow(.reference, to: "t", mode: mode, phase: phase)
                #expect(allowed == (mode == .practice && phase == .signed), "\(mode) \(phase)")
                #expect(BlindingRules.mayShow(.modelFeedback, to: "t", mode: mode, phase: phase) == allowed)
            }
        }
        #expect(!BlindingRules.mayShow(.aiFindings, to: "t", mode: .practice, phase: .reading(.first)))
    }

    @Test func otherReadersReadsAndCoordinatorToolsStayHidden() {
        for mode in [ReadingMode.practice, .experiment(.aided), .experiment(.unaided)] {
            #expect(BlindingRules.mayShow(.read(author: "a"), to: "a", mode: mode, phase: .signed))
            #expect(!BlindingRules.mayShow(.read(author: "b"), to: "a", mode: mode, phase: .signed))
            #expect(!BlindingRules.mayShow(.coordinatorTools, to: "a", mode: mode, phase: .signed))
        }
        #expect(!BlindingRules.mayShow(.read(author: "b"), to: "a", mode: .clinical, phase: .signed))
    }
}
