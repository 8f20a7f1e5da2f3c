import ReaderStudy
import ReadingApp
import TerminalUI
import TestSupport
import Worklist

/// The reducer and the real effect runner on an in-memory store, stepped by
/// hand: each key or action runs to quiescence (background work inline), and
/// the manual clock moves only when a test says so.
final class AppDriver {
    var state: AppState
    let store: InMemoryReadStore
    let clock = ManualReadClock()
    let runner: EffectRunner
    let inbox = ActionInbox<AppAction>()
    /// Every effect performed, in order.
    private(set) var effects: [AppEffect] = []

    init(state: AppState, store: InMemoryReadStore = InMemoryReadStore(), ai: AIResult? = nil,
         feedback: FeedbackSource? = nil, entries: [LibraryEntry] = Fixtures.entries) {
        self.state = state
        self.store = store
        var env = AppEnvironment(reader: state.reader, store: store, clock: clock, appSession: "S1",
                                 renderImage: { Fixtures.rendered(generation: $0.generation) },
                                 runModels: { _ in ai }, background: false)
        env.feedback = feedback
        runner = EffectRunner(environment: env)
        send(.libraryLoaded(entries, statuses: (try? store.statuses(reader: state.reader)) ?? [:]))
    }

    func send(_ action: AppAction) {
        var queue = [action]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in AppReducer.reduce(&state, next) {
                effects.append(effect)
                runner.perform(effect, inbox: inbox)
            }
            queue += inbox.drain()
        }
    }

    func key(_ key: Key) {
        if let action = KeyMap.action(for: .key(key), in: state) { send(action) }
    }

    func keys(_ text: String) { for c in text { key(.char(c)) } }

    func wait(_ seconds: Double) { clock.advance(seconds: seconds) }

    /// Events of `study` over all its reads, in the order they were written.
    func events(study: String) -> [ReadEvent] {
        let reads = Set(store.reads.filter { $0.value.study == study }.map(\.key))
        return store.events.filter { reads.contains($0.read) }.map(\.event)
    }
}
