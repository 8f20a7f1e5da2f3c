import Testing
@testable import ReaderStudy

@Suite struct PracticeScoreboardTests {
    static let stenosis = FindingScale.categorical(["normal/mild", "moderate", "severe"])

    func stenosis(_ level: String, reader: String?, model: String?, reference: String?) -> PracticeFinding {
        PracticeFinding(finding: "spine.\(level).canalStenosis", group: "canalStenosis", scale: Self.stenosis,
                        reader: reader, model: model, reference: reference)
    }

    func boneAge(reader: String?, model: String?, reference: String?) -> PracticeFinding {
        PracticeFinding(finding: "boneAge.months", group: "boneAge", scale: .boneAge,
                        reader: reader, model: model, reference: reference)
    }

    @Test func feedbackMarksEveryPair() throws {
        let f = try stenosis("L4-L5", reader: "moderate", model: "moderate", reference: "severe").feedback()
        #expect(f.readerVsReference == .disagree && f.readerVsModel == .agree && f.modelVsReference == .disagree)
        #expect(f.isDiscrepancy && f.followedWrongModel)
        let g = try stenosis("L1-L2", reader: "normal/mild", model: nil, reference: "normal/mild").feedback()
        #expect(g.readerVsReference == .agree && g.readerVsModel == .missing && !g.isDiscrepancy)
    }

    @Test func boneAgeAgreesWithinTolerance() throws {
        let near = try boneAge(reader: "130", model: "126", reference: "120").feedback()
        #expect(near.readerVsReference == .agree && near.difference == 10)
        let far = try boneAge(reader: "96", model: "126", reference: "120").feedback()
        #expect(far.readerVsReference == .disagree && far.difference == -24 && far.modelVsReference == .agree)
    }

    @Test func badValuesNameTheFinding() {
        #expect(throws: ReaderStudyError.self) {
            try stenosis("L2-L3", reader: "mild-ish", model: nil, reference: "severe").feedback()
        }
        #expect(throws: ReaderStudyError.self) {
            try boneAge(reader: "ten years", model: nil, reference: "120").feedback()
        }
    }

    @Test func scoreboardOverSeveralCases() throws {
        let cases = [
            PracticeCase(caseID: "s1", findings: [
                stenosis("L3-L4", reader: "normal/mild", model: "normal/mild", reference: "normal/mild"),
                stenosis("L4-L5", reader: "moderate", model: "severe", reference: "severe"),
            ], activeSeconds: 40),
            PracticeCase(caseID: "s2", findings: [
                stenosis("L3-L4", reader: "severe", model: "severe", reference: "severe"),
                stenosis("L4-L5", reader: "moderate", model: "moderate", reference: "moderate"),
            ], activeSeconds: 20),
            PracticeCase(caseID: "h1", findings: [boneAge(reader: "130", model: "118", reference: "120")], activeSeconds: 30),
            PracticeCase(caseID: "h2", findings: [boneAge(reader: "100", model: "126", reference: "120")], activeSeconds: nil),
        ]
        let board = try PracticeScoreboard(cases: cases)
        #expect(board.cases == 4)
        #expect(board.groups.map(\.group) == ["canalStenosis", "boneAge"])
        let spine = board.groups[0]
        #expect(spine.count == 4 && spine.agreement == 0.75)
        // reader vs reference: (n,n) (m,s) (s,s) (m,m) -> table [[1,0,0],[0,1,1],[0,0,1]]
        let expectedKappa = CohenKappa.kappa(table: [[1, 0, 0], [0, 1, 1], [0, 0, 1]])!
        #expect(abs(spine.kappa! - expectedKappa) < 1e-12)
        #expect(abs(expectedKappa - (0.75 - 0.3125) / (1 - 0.3125)) < 1e-12)  // po = 3/4, pe = (1·1 + 2·1 + 1·2)/16
        #expect(spine.weightedKappa != nil)
        let bone = board.groups[1]
        #expect(bone.readerMAD == 15 && bone.modelMAD == 4 && bone.agreement == 0.5)
        // reader agrees with the model on 4 of 6: three stenosis levels, and h1's bone age (12 months apart, within tolerance)
        #expect(board.agreementWithModel == 4.0 / 6.0)
        #expect(board.meanActiveSeconds == 30 && board.medianActiveSeconds == 30)
        #expect(board.discrepancies.map(\.caseID) == ["s1", "h2"])
        #expect(board.discrepancies.allSatisfy { $0.modelWasRight })
    }

    @Test func emptyScoreboard() throws {
        let board = try PracticeScoreboard(cases: [])
        #expect(board.cases == 0 && board.groups.isEmpty && board.agreementWithModel == nil)
        #expect(board.meanActiveSeconds == nil && board.discrepancies.isEmpty)
    }
}
