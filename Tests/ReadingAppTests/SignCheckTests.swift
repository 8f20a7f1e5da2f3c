import ReaderStudy
import ReadingApp
import TerminalUI
import Testing

/// `S` with findings pending or no confidence says what is missing before signing.
@Suite struct SignCheckTests {
    func handOpen(experiment: Bool = false) -> AppState {
        var s = Fixtures.loadedState()
        if experiment { s.blinding = BlindingGate(label: "clinical", unassigned: .clinical, arms: ["HAND-1": .aided]) }
        _ = AppReducer.reduce(&s, .moveSelection(1))
        _ = AppReducer.reduce(&s, .openSelected)
        _ = AppReducer.reduce(&s, .readOpened(studyId: "HAND-1", readId: 7, decisions: [], confidence: nil))
        _ = AppReducer.reduce(&s, .aiFinished(studyId: "HAND-1", Fixtures.handAI))
        return s
    }

    let pending = [FindingDecision(finding: "boneAge.months", aiValue: "130", readerValue: nil, state: .pending)]

    @Test func firstSignNamesWhatIsMissingSecondSignsAsLeft() {
        var s = handOpen()
        #expect(AppReducer.reduce(&s, .sign) == [])
        #expect(s.message == "1 finding pending, no confidence — S again to sign, Esc to go back")
        #expect(s.messageIsError)
        #expect(s.study?.signConfirming == true)
        // The pending finding is signed pending: nothing is accepted for the reader.
        #expect(AppReducer.reduce(&s, .sign) == [.sign(readId: 7, studyId: "HAND-1", decisions: pending, confidence: nil)])
    }

    @Test func escapeAnswersNoAndStaysOnTheStudy() {
        var s = handOpen()
        _ = AppReducer.reduce(&s, .sign)
        #expect(AppReducer.reduce(&s, .back) == [])
        #expect(s.screen == .study)
        #expect(s.study?.signConfirming == false)
        #expect(s.message == "Not signed")
        // The question is asked again, not skipped.
        #expect(AppReducer.reduce(&s, .sign) == [])
        #expect(s.study?.signConfirming == true)
    }

    @Test func anyOtherKeyWithdrawsTheQuestion() {
        var s = handOpen()
        _ = AppReducer.reduce(&s, .sign)
        _ = AppReducer.reduce(&s, .focusNext)
        #expect(s.study?.signConfirming == false)
        #expect(s.message == nil)
        // Still pending: asked again rather than signed.
        #expect(AppReducer.reduce(&s, .sign) == [])
        #expect(s.study?.signConfirming == true)
    }

    @Test func clinicalConfidenceIsOptional() {
        var s = handOpen()
        _ = AppReducer.reduce(&s, .accept)
        let decided = [FindingDecision(finding: "boneAge.months", aiValue: "130", readerValue: "130", state: .accepted)]
        #expect(AppReducer.reduce(&s, .sign) == [.sign(readId: 7, studyId: "HAND-1", decisions: decided, confidence: nil)])
    }

    @Test func nothingMissingSignsAtOnce() {
        var s = handOpen()
        _ = AppReducer.reduce(&s, .accept)
        _ = AppReducer.reduce(&s, .askConfidence)
        _ = AppReducer.reduce(&s, .promptInput("3"))
        _ = AppReducer.reduce(&s, .promptConfirm)
        #expect(AppReducer.reduce(&s, .sign).count == 1)
        #expect(s.message == "Signing…")
    }

    @Test func experimentAsksForConfidenceThenGoesOnSigning() {
        var s = handOpen(experiment: true)
        _ = AppReducer.reduce(&s, .accept)
        #expect(AppReducer.reduce(&s, .sign) == [])
        #expect(s.prompt == .confidence(text: ""))
        _ = AppReducer.reduce(&s, .promptInput("4"))
        let effects = AppReducer.reduce(&s, .promptConfirm)
        let decided = [FindingDecision(finding: "boneAge.months", aiValue: "130", readerValue: "130", state: .accepted)]
        #expect(effects.last == .sign(readId: 7, studyId: "HAND-1", decisions: decided, confidence: 4))
        #expect(effects.first == .record(readId: 7, kind: .confidence, finding: nil, value: "4"))
    }

    @Test func experimentWithPendingFindingsAsksConfidenceThenConfirms() {
        var s = handOpen(experiment: true)
        _ = AppReducer.reduce(&s, .sign)
        _ = AppReducer.reduce(&s, .promptInput("2"))
        let effects = AppReducer.reduce(&s, .promptConfirm)
        #expect(!effects.contains { if case .sign = $0 { true } else { false } })
        #expect(s.message == "1 finding pending — S again to sign, Esc to go back")
        #expect(AppReducer.reduce(&s, .sign) == [.sign(readId: 7, studyId: "HAND-1", decisions: pending, confidence: 2)])
    }

    @Test func cancellingTheConfidencePromptDoesNotSign() {
        var s = handOpen(experiment: true)
        _ = AppReducer.reduce(&s, .sign)
        _ = AppReducer.reduce(&s, .promptCancel)
        #expect(s.prompt == nil)
        #expect(s.study?.signAfterConfidence == false)
        #expect(s.message == "Not signed: this study needs your confidence (c)")
        // A confidence given later does not sign by itself.
        _ = AppReducer.reduce(&s, .askConfidence)
        _ = AppReducer.reduce(&s, .promptInput("5"))
        #expect(!AppReducer.reduce(&s, .promptConfirm).contains { if case .sign = $0 { true } else { false } })
    }

    @Test func theQuestionFitsTheStatusLineAt80Columns() {
        var s = handOpen()
        _ = AppReducer.reduce(&s, .sign)
        let screen = AppView.render(s, size: Size(width: 80, height: 24), theme: try! Theme.builtin("dark")).lines.joined(separator: "\n")
        #expect(screen.contains("1 finding pending, no confidence — S again to sign, Esc to go back"))
    }
}
