import Foundation
import ReaderStudy
import ReadingApp
import TerminalUI
import TestSupport
import Testing
import Worklist

/// Practice: the trainee reads without the AI; the reference is loaded only
/// after the sign; the feedback screen and scoreboard follow; any key moves on.
@Suite struct PracticeModeTests {
    static let wristAI = AIResult(values: ["fracture.study": "abnormal"], details: ["fracture: abnormal, P = 0.812"],
                                  models: ["fracture-phantom 0.1"])
    let theme = try! Theme.builtin("dark")

    /// Counts the reference look-ups, so tests can prove none happens before a sign.
    final class ReferenceLog: @unchecked Sendable {
        private let lock = NSLock()
        private var studies: [String] = []
        func note(_ id: String) { lock.lock(); studies.append(id); lock.unlock() }
        var calls: [String] { lock.lock(); defer { lock.unlock() }; return studies }
    }

    static func practiceState(history: [PracticeCase] = []) -> AppState {
        var s = AppState(reader: "tina", blinding: .practice, libraryName: "Lib")
        s.practice = PracticeState(cases: history)
        return s
    }

    static func source(_ log: ReferenceLog) -> FeedbackSource {
        FeedbackSource(reference: { study in
            log.note(study.id)
            return ["fracture.study": "normal", "boneAge.months": "126"]
        }, activeSeconds: { _ in 42 })
    }

    func text(_ state: AppState, width: Int = 100, height: Int = 30) -> String {
        GridSnapshot.render(AppView.render(state, size: Size(width: width, height: height), theme: theme), theme: theme)
    }

    @Test func referenceIsLoadedOnlyAfterTheSignAndFeedbackFollows() throws {
        let log = ReferenceLog()
        let app = AppDriver(state: Self.practiceState(), ai: Self.wristAI, feedback: Self.source(log))
        app.key(.enter)
        #expect(app.effects.contains(.runPracticeModel(Fixtures.wrist)))
        #expect(app.state.study?.ai == .hidden)
        #expect(app.state.study?.decisions.first?.aiValue == nil, "the model's value never reaches the read before sign")
        #expect(app.state.practice?.modelValues["EXT-1"] == ["fracture.study": "abnormal"])
        app.key(.char("a"))   // nothing to accept: the model is hidden
        #expect(app.state.study?.decisions.first?.state == .pending)
        app.key(.char("o")); app.keys("2"); app.key(.enter)
        app.wait(30)
        let before = text(app.state)
        #expect(log.calls.isEmpty)
        #expect(!before.contains("Reference") && !before.contains("Feedback") && !before.contains("AI:"))

        app.key(.char("S"))
        #expect(log.calls == ["EXT-1"])
        let signed = try #require(app.store.reads.values.first { $0.study == "EXT-1" })
        #expect(signed.signed)
        #expect(signed.decisions == [FindingDecision(finding: "fracture.study", aiValue: "abnormal", readerValue: "abnormal",
                                                     state: .overridden)],
                "the signed read carries the model's value for `practice review`")
        let p = try #require(app.state.practice)
        #expect(p.stage == .showing(studyId: "EXT-1"))
        #expect(p.feedback == PracticeCase(caseID: "EXT-1", findings: [
            PracticeFinding(finding: "fracture.study", group: "fracture", scale: .categorical(FindingCatalog.fractureLabels),
                            reader: "abnormal", model: "abnormal", reference: "normal"),
        ], activeSeconds: 42))
        #expect(p.scoreboard?.cases == 1 && p.scoreboard?.agreementWithModel == 1)
        let after = text(app.state)
        #expect(after.contains("Reference") && after.contains("✗ abnormal") && after.contains("normal"))
        #expect(after.contains("Scoreboard · 1 signed case"))

        // Any key: the next study, read without the AI again.
        app.key(.char("x"))
        #expect(app.state.practice?.stage == .reading && app.state.practice?.feedback == nil)
        #expect(app.state.study?.study.id == "HAND-1" && app.state.study?.ai == .hidden)
        #expect(app.state.rows[0].status == .signed)
        #expect(log.calls == ["EXT-1"])
    }

    @Test func signWaitsForTheModelSoTheReadCarriesItsValue() {
        var s = Self.practiceState()
        _ = AppReducer.reduce(&s, .libraryLoaded(Fixtures.entries, statuses: [:]))
        _ = AppReducer.reduce(&s, .openSelected)
        _ = AppReducer.reduce(&s, .readOpened(studyId: "EXT-1", readId: 9, decisions: [], confidence: nil))
        // The finding is left pending: the first S asks, the second signs as is.
        #expect(AppReducer.reduce(&s, .sign) == [])
        #expect(s.practice?.signWaiting != true)
        #expect(AppReducer.reduce(&s, .sign) == [])
        #expect(s.practice?.signWaiting == true)
        let effects = AppReducer.reduce(&s, .practiceModelFinished(studyId: "EXT-1", values: ["fracture.study": "normal"]))
        #expect(effects == [.sign(readId: 9, studyId: "EXT-1",
                                  decisions: [FindingDecision(finding: "fracture.study", aiValue: "normal")], confidence: nil)])
        #expect(s.practice?.signWaiting == false)
    }

    @Test func scoreboardRunsOverEarlierCasesToo() throws {
        let earlier = PracticeCase(caseID: "OLD-1", findings: [
            PracticeFinding(finding: "fracture.study", group: "fracture", scale: .categorical(FindingCatalog.fractureLabels),
                            reader: "normal", model: "abnormal", reference: "normal"),
        ], activeSeconds: 20)
        let log = ReferenceLog()
        let app = AppDriver(state: Self.practiceState(history: [earlier]), ai: Self.wristAI, feedback: Self.source(log))
        app.key(.enter)
        app.key(.char("o")); app.keys("1"); app.key(.enter)
        app.key(.char("S"))
        let board = try #require(app.state.practice?.scoreboard)
        #expect(board.cases == 2)
        #expect(board.groups.first?.agreement == 1)
        #expect(board.agreementWithModel == 0)
        #expect(board.meanActiveSeconds == 31)
    }

    @Test func withoutAFeedbackSourceTheScreenSaysSoAndStillMovesOn() {
        let app = AppDriver(state: Self.practiceState(), ai: nil, feedback: nil)
        app.key(.enter)
        app.key(.char("S"))
        #expect(app.state.message?.hasPrefix("1 finding pending") == true)
        app.key(.char("S"))
        #expect(app.state.practice?.stage == .showing(studyId: "EXT-1"))
        #expect(app.state.practice?.feedbackError?.contains("no reference is available") == true)
        #expect(text(app.state).contains("No feedback: "))
        // The sign itself is durable even when feedback fails, and any key moves on.
        #expect(app.store.reads.values.contains { $0.study == "EXT-1" && $0.signed })
        app.key(.char(" "))
        #expect(app.state.study?.study.id == "HAND-1")
    }

    @Test func keysOnTheFeedbackScreen() {
        var s = Self.practiceState()
        s.practice?.stage = .scoring(studyId: "EXT-1")
        #expect(KeyMap.action(for: .key(.char("x")), in: s) == nil, "nothing to continue to while scoring")
        #expect(KeyMap.action(for: .key(.char("q")), in: s) == .quit)
        s.practice?.stage = .showing(studyId: "EXT-1")
        for key: Key in [.char("x"), .enter, .escape, .char("S"), .char("a")] {
            #expect(KeyMap.action(for: .key(key), in: s) == .continuePractice, "\(key) continues")
        }
        #expect(KeyMap.action(for: .key(.char("q")), in: s) == .quit)
    }
}
