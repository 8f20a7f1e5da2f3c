import Testing
@testable import ReaderStudy

@Suite struct ExperimentDesignTests {
    private func problem(_ design: ExperimentDesign) -> ReaderStudyError? {
        do { try design.validate(); return nil } catch { return error }
    }

    private func field(_ design: ExperimentDesign) -> String? {
        if case .invalidDesign(let field, _)? = problem(design) { return field }
        return nil
    }

    @Test func validCrossoverPasses() {
        #expect(problem(StudyFixtures.crossover()) == nil)
        #expect(StudyFixtures.crossover().sessions == 2)
        #expect(StudyFixtures.crossover().washoutDays == 28)
    }

    @Test func eachBadFieldIsNamed() {
        var d = StudyFixtures.crossover()
        d.name = "my study"; #expect(field(d) == "name")
        d = StudyFixtures.crossover(); d.readers = []; #expect(field(d) == "readers")
        d = StudyFixtures.crossover(); d.readers = ["a", "a"]; #expect(field(d) == "readers")
        d = StudyFixtures.crossover(); d.readers = ["a,b"]; #expect(field(d) == "readers")
        d = StudyFixtures.crossover(); d.arms = []; #expect(field(d) == "arms")
        d = StudyFixtures.crossover(); d.arms = [.aided, .aided]; #expect(field(d) == "arms")
        d = StudyFixtures.crossover(); d.arms = [.aided]; d.sessions = 1; #expect(field(d) == "arms")
        d = StudyFixtures.crossover(); d.sessions = 3; #expect(field(d) == "sessions")
        d = StudyFixtures.crossover(); d.washoutDays = -1; #expect(field(d) == "washoutDays")
        d = StudyFixtures.crossover(); d.caseIDs = []; #expect(field(d) == "cases")
        d = StudyFixtures.crossover(); d.caseIDs = ["x", "x"]; #expect(field(d) == "cases")
        d = StudyFixtures.crossover(); d.caseIDs = ["only-one"]; #expect(field(d) == "cases")
        d = StudyFixtures.crossover(); d.design = .splitPlot; d.readerGroups = 1; #expect(field(d) == "readerGroups")
        d = StudyFixtures.crossover(readers: 1); d.design = .splitPlot; #expect(field(d) == "readers")
    }

    @Test func singleSequentialArmIsAFullyCrossedOneSessionStudy() {
        let d = ExperimentDesign(name: "seq", readers: ["a"], arms: [.sequential], design: .fullyCrossed,
                                 seed: 1, caseIDs: StudyFixtures.cases(3))
        #expect(d.sessions == 1)
        #expect(problem(d) == nil)
        #expect(d.warnings.isEmpty)
    }

    @Test func errorMessageNamesFieldAndProblem() {
        var d = StudyFixtures.crossover(); d.sessions = 3
        let error = problem(d)
        #expect(error?.coordinates == "experiment.sessions")
        #expect(error?.problem.contains("2 session(s), not 3") == true)
    }

    @Test func warningsForShortWashoutAndUnevenReaders() {
        var d = StudyFixtures.crossover(readers: 3)
        d.washoutDays = 14
        #expect(d.warnings.count == 2)
        #expect(d.warnings[0].contains("14 days"))
        #expect(StudyFixtures.crossover(readers: 4).warnings.isEmpty)
    }
}
