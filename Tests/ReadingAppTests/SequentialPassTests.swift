import ReaderStudy
import ReadingApp
import TerminalUI
import Testing
import Worklist

/// The sequential arm: an unaided first read, signed and locked; then the AI on
/// the same case for a second read that starts from the first; both kept.
@Suite struct SequentialPassTests {
    static let wristAI = AIResult(values: ["fracture.study": "abnormal"], details: ["fracture: abnormal, P = 0.812"],
                                  models: ["fracture-phantom 0.1"])

    /// An experiment session where EXT-1 is under the sequential arm.
    static func sequentialState() -> AppState {
        var s = AppState(reader: "dr.a", blinding: .experiment(label: "wr s1", arms: [:]), libraryName: "wr session 1")
        s.blinding.arms = ["EXT-1": .sequential, "HAND-1": .sequential, "SPINE-1": .sequential]
        return s
    }

    @Test func firstReadHidesTheAIThenSignOpensTheSecondReadFromIt() {
        var s = Self.sequentialState()
        _ = AppReducer.reduce(&s, .libraryLoaded(Fixtures.entries, statuses: [:]))
        let opening = AppReducer.reduce(&s, .openSelected)
        #expect(!opening.contains(.runModels(Fixtures.wrist)), "no model runs during the first read")
        #expect(s.study?.ai == .hidden)
        _ = AppReducer.reduce(&s, .readOpened(studyId: "EXT-1", readId: 3, decisions: [], confidence: nil))
        // A model result arriving now (it should not) stays out of the first read.
        _ = AppReducer.reduce(&s, .aiFinished(studyId: "EXT-1", Self.wristAI))
        #expect(s.study?.ai == .hidden && s.study?.decisions.first?.aiValue == nil)
        _ = AppReducer.reduce(&s, .override)
        _ = AppReducer.reduce(&s, .promptInput("1"))
        _ = AppReducer.reduce(&s, .promptConfirm)
        // An experiment's read needs a confidence before it is signed.
        for a: AppAction in [.askConfidence, .promptInput("3"), .promptConfirm] { _ = AppReducer.reduce(&s, a) }
        let first = [FindingDecision(finding: "fracture.study", aiValue: nil, readerValue: "normal", state: .overridden)]
        #expect(AppReducer.reduce(&s, .sign) == [.sign(readId: 3, studyId: "EXT-1", decisions: first, confidence: 3)])

        // The sign is durable: the screen stays on the case for the second read.
        let afterSign = AppReducer.reduce(&s, .signed(studyId: "EXT-1"))
        #expect(afterSign == [.openSecondPass(Fixtures.wrist, decisions: first, confidence: 3), .runModels(Fixtures.wrist)])
        #expect(s.screen == .study && s.study?.study.id == "EXT-1")
        #expect(s.study?.pass == .second && s.study?.firstPass == first)
        #expect(s.study?.readId == nil && s.study?.ai == .running)
        #expect(s.rows[0].status == .inProgress, "the case is done only after its second read")

        // The AI arrives before the ledger opened pass 2: aiRevealed is logged once the read exists.
        #expect(AppReducer.reduce(&s, .aiFinished(studyId: "EXT-1", Self.wristAI)) == [])
        let opened = AppReducer.reduce(&s, .secondPassOpened(studyId: "EXT-1", readId: 4, firstPass: first,
                                                             decisions: first, confidence: 3))
        #expect(opened == [.record(readId: 4, kind: .aiRevealed, finding: nil, value: nil)])
        #expect(s.study?.decisions == [FindingDecision(finding: "fracture.study", aiValue: "abnormal", readerValue: "normal",
                                                       state: .overridden)])
        _ = AppReducer.reduce(&s, .accept)
        let second = [FindingDecision(finding: "fracture.study", aiValue: "abnormal", readerValue: "abnormal", state: .accepted)]
        #expect(AppReducer.reduce(&s, .sign) == [.sign(readId: 4, studyId: "EXT-1", decisions: second, confidence: 3)])
        #expect(s.study?.firstPass == first, "the first read stays as it was signed")

        // The second sign finishes the case: on to the next study.
        _ = AppReducer.reduce(&s, .signed(studyId: "EXT-1"))
        #expect(s.rows[0].status == .signed)
        #expect(s.study?.study.id == "HAND-1" && s.study?.pass == .first && s.study?.ai == .hidden)
    }

    @Test func bothReadsAreKeptAndTimedBeforeAndAfterTheAI() throws {
        let store = InMemoryReadStore(sequential: ["EXT-1", "HAND-1", "SPINE-1"])
        let app = AppDriver(state: Self.sequentialState(), store: store, ai: Self.wristAI)
        app.key(.enter)
        app.wait(10)
        app.key(.char("o")); app.keys("1"); app.key(.enter)
        app.key(.char("c")); app.keys("3"); app.key(.enter)
        app.wait(5)
        app.key(.char("S"))
        #expect(app.state.study?.pass == .second && app.state.study?.ai == .ready(Self.wristAI))
        app.wait(8)
        app.key(.char("a"))
        app.wait(2)
        app.key(.char("S"))

        let reads = store.reads.values.filter { $0.study == "EXT-1" }.sorted { $0.pass < $1.pass }
        #expect(reads.map(\.pass) == [1, 2] && reads.allSatisfy(\.signed))
        #expect(reads[0].decisions == [FindingDecision(finding: "fracture.study", aiValue: nil, readerValue: "normal", state: .overridden)])
        #expect(reads[1].decisions == [FindingDecision(finding: "fracture.study", aiValue: "abnormal", readerValue: "abnormal", state: .accepted)])
        let events = app.events(study: "EXT-1")
        #expect(events.map(\.kind) == [.opened, .overridden, .confidence, .signed, .aiRevealed, .accepted, .signed])
        let timing = try TimingRules.standard.measure(events)
        #expect(timing.passes.count == 2)
        #expect(timing.passes[0] == PassTiming(totalNanos: 15_000_000_000, activeNanos: 15_000_000_000,
                                               beforeAINanos: 15_000_000_000, afterAINanos: 0))
        #expect(timing.passes[1] == PassTiming(totalNanos: 10_000_000_000, activeNanos: 10_000_000_000,
                                               beforeAINanos: 0, afterAINanos: 10_000_000_000))
        #expect(try store.statuses(reader: "dr.a")["EXT-1"] == .signed)
    }

    @Test func quittingBetweenTheReadsResumesTheSecond() throws {
        let store = InMemoryReadStore(sequential: ["EXT-1", "HAND-1", "SPINE-1"])
        let first = AppDriver(state: Self.sequentialState(), store: store, ai: Self.wristAI)
        first.key(.enter)
        first.key(.char("o")); first.keys("2"); first.key(.enter)
        first.key(.char("c")); first.keys("3"); first.key(.enter)
        first.key(.char("S"))
        first.key(.char("q"))
        #expect(try store.statuses(reader: "dr.a")["EXT-1"] == .inProgress)

        let again = AppDriver(state: Self.sequentialState(), store: store, ai: Self.wristAI)
        #expect(again.state.rows[0].status == .inProgress)
        again.key(.enter)
        let s = try #require(again.state.study)
        #expect(s.study.id == "EXT-1" && s.pass == .second && s.ai == .ready(Self.wristAI))
        #expect(s.decisions.first?.readerValue == "abnormal" && s.firstPass?.first?.readerValue == "abnormal")
        again.key(.char("S"))
        let reads = store.reads.values.filter { $0.study == "EXT-1" }
        #expect(reads.count == 2 && reads.allSatisfy(\.signed), "one read per pass, never a third")
        // The resumed run opens the second read again (a new app session) and reveals the AI there.
        let pass2 = try #require(store.reads.first { $0.value.study == "EXT-1" && $0.value.pass == 2 }?.key)
        #expect(store.events.filter { $0.read == pass2 }.map(\.event.kind) == [.aiRevealed, .closed, .opened, .aiRevealed, .signed])
    }
}
