import ReaderStudy
import ReadingApp
import TerminalUI
import TestSupport
import Testing
import Worklist

/// The whole loop with a scripted terminal, the in-memory store and a manual clock.
@Suite struct ProgramTests {
    func run(_ script: [InputEvent?], store: InMemoryReadStore, clock: ManualReadClock,
             ai: AIResult? = nil) -> (AppState, ScriptedBackend) {
        let env = AppEnvironment(reader: "dr.a", store: store, clock: clock, appSession: "S1",
                                 renderImage: { Fixtures.rendered(generation: $0.generation) }, runModels: { _ in ai }, background: false)
        let runner = EffectRunner(environment: env)
        let theme = try! Theme.builtin("dark")
        let program = Program<AppState, AppAction, AppEffect>(
            reduce: AppReducer.reduce,
            view: { AppView.render($0, size: $1, theme: theme) },
            actionForInput: { KeyMap.action(for: $0, in: $1) },
            isFinished: { $0.finished },
            perform: { runner.perform($0, inbox: $1) })
        var state = AppState(reader: "dr.a", libraryName: "Lib")
        let backend = ScriptedBackend(size: Size(width: 80, height: 24), script: script)
        program.run(state: &state, backend: backend, inbox: ActionInbox(),
                    initial: [.libraryLoaded(Fixtures.entries, statuses: [:])], maxIdlePolls: 3)
        return (state, backend)
    }

    @Test func openAcceptSignQuit() throws {
        let store = InMemoryReadStore()
        let clock = ManualReadClock()
        let ai = AIResult(values: ["fracture.study": "abnormal"], details: [], models: ["fracture 0.1"])
        let (state, backend) = run([.key(.enter), .key(.char("a")), .key(.char("S")), .key(.char("q"))],
                                   store: store, clock: clock, ai: ai)
        #expect(state.finished)
        let signed = store.reads.values.filter(\.signed)
        #expect(signed.count == 1)
        #expect(signed.first?.study == "EXT-1")
        #expect(signed.first?.decisions == [FindingDecision(finding: "fracture.study", aiValue: "abnormal",
                                                            readerValue: "abnormal", state: .accepted)])
        #expect(store.events.map(\.event.kind) == [.opened, .aiRevealed, .accepted, .signed, .opened, .aiRevealed, .closed])
        #expect(store.events.allSatisfy { $0.event.appSession == "S1" })
        #expect(backend.frames.count >= 4)
        #expect(backend.frames.last?.lines.joined().contains("HAND-1") == true)
    }

    @Test func resizeRedrawsAtTheNewSize() {
        let (_, backend) = run([.resize(Size(width: 100, height: 30)), .key(.char("q"))],
                               store: InMemoryReadStore(), clock: ManualReadClock())
        #expect(backend.frames.last?.size == Size(width: 100, height: 30))
    }

    @Test func quitAndReopenResumesDraft() {
        let store = InMemoryReadStore()
        let clock = ManualReadClock()
        // Hand study: override bone age to 100 months, quit mid-study.
        _ = run([.key(.down), .key(.enter), .key(.char("o"))] + ScriptedBackend.keys("100") + [.key(.enter), .key(.char("q"))],
                store: store, clock: clock)
        #expect(store.reads.values.filter(\.signed).isEmpty)
        let (state, _) = run([.key(.down), .key(.enter)], store: store, clock: clock)
        #expect(state.study?.decisions.first?.readerValue == "100")
        #expect(state.study?.decisions.first?.state == .overridden)
        #expect(store.reads.count == 1, "reopening resumes the same read")
    }
}
