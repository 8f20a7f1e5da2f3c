import ReaderStudy
import Statistics
import Testing

/// The practice scoreboard (ReaderStudy keeps its own small κ so that it does
/// not depend on Statistics) agrees with the Statistics target on the same reads:
/// κ, linearly weighted κ and bone-age MAD.
@Suite struct PracticeScoreboardStatisticsTests {
    /// A fixed pseudo-random sequence (LCG), enough for test data.
    struct Numbers {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    @Test func kappaAndMADMatchTheStatisticsTarget() throws {
        var numbers = Numbers(state: 42)
        let grades = FindingCatalog.stenosisGrades
        var cases: [PracticeCase] = []
        var reader: [Int] = [], reference: [Int] = []
        var months: [Double] = [], truthMonths: [Double] = []
        for i in 0..<40 {
            let truth = numbers.next(3)
            // Mostly right, sometimes one grade off, rarely anything.
            let r = numbers.next(10) < 6 ? truth : (numbers.next(3) == 0 ? numbers.next(3) : max(0, min(2, truth + (numbers.next(2) == 0 ? -1 : 1))))
            reader.append(r); reference.append(truth)
            let age = Double(60 + numbers.next(120)), read = age + Double(numbers.next(37) - 18)
            months.append(read); truthMonths.append(age)
            cases.append(PracticeCase(caseID: "C\(i)", findings: [
                PracticeFinding(finding: "spine.L4-L5.canalStenosis", group: "canalStenosis", scale: .categorical(grades),
                                reader: grades[r], model: nil, reference: grades[truth]),
                PracticeFinding(finding: "boneAge.months", group: "boneAge", scale: .boneAge,
                                reader: String(read), model: nil, reference: String(age)),
            ]))
        }
        let board = try PracticeScoreboard(cases: cases)
        let stenosis = try #require(board.groups.first { $0.group == "canalStenosis" })
        let kappa = try Statistics.CohenKappa(reader, reference, categories: [0, 1, 2])
        let weighted = try Statistics.CohenKappa(reader, reference, categories: [0, 1, 2], weights: .linear)
        #expect(abs((stenosis.kappa ?? .nan) - kappa.kappa) < 1e-12)
        #expect(abs((stenosis.weightedKappa ?? .nan) - weighted.kappa) < 1e-12)
        let boneAge = try #require(board.groups.first { $0.group == "boneAge" })
        let mad = try MeasurementAgreement(measured: months, reference: truthMonths, replicates: 10)
        #expect(abs((boneAge.readerMAD ?? .nan) - mad.meanAbsoluteDifference.estimate) < 1e-9)
    }
}
