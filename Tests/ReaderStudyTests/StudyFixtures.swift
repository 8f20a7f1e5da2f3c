@testable import ReaderStudy

/// Designs shared by the tests.
enum StudyFixtures {
    static func cases(_ count: Int) -> [String] { (1...count).map { "case-\($0)" } }

    static func crossover(readers: Int = 4, cases: Int = 12, seed: UInt64 = 20_260_101,
                          arms: [StudyArm] = [.unaided, .aided],
                          ordering: SessionOrdering = .blockedByArm) -> ExperimentDesign {
        ExperimentDesign(name: "fracture-2026", readers: (1...readers).map { "r\($0)" }, arms: arms,
                         design: .crossover, seed: seed, caseIDs: self.cases(cases), ordering: ordering)
    }
}
