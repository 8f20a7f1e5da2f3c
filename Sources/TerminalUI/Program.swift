/// The Elm loop: state is a value; input becomes actions; `reduce` changes the
/// state and returns effects; the effect runner performs them and may post
/// more actions (at once or later, from another thread). Views render the
/// state into a grid after every batch of actions.
public struct Program<State, Action: Sendable, Effect> {
    public var reduce: (inout State, Action) -> [Effect]
    public var view: (State, Size) -> CellGrid
    public var actionForInput: (InputEvent, State) -> Action?
    public var isFinished: (State) -> Bool
    /// Performs one effect; `post` may be called synchronously or later.
    public var perform: (Effect, ActionInbox<Action>) -> Void
    /// How long to wait for a key before checking the inbox again.
    public var pollMilliseconds: Int

    public init(reduce: @escaping (inout State, Action) -> [Effect],
                view: @escaping (State, Size) -> CellGrid,
                actionForInput: @escaping (InputEvent, State) -> Action?,
                isFinished: @escaping (State) -> Bool,
                perform: @escaping (Effect, ActionInbox<Action>) -> Void,
                pollMilliseconds: Int = 50) {
        self.reduce = reduce; self.view = view; self.actionForInput = actionForInput
        self.isFinished = isFinished; self.perform = perform; self.pollMilliseconds = pollMilliseconds
    }

    /// Runs until `isFinished`; `initial` actions are dispatched first.
    /// `maxIdlePolls` bounds the loop for tests (nil: run until finished).
    public func run(state: inout State, backend: TerminalBackend, inbox: ActionInbox<Action>,
                    initial: [Action] = [], maxIdlePolls: Int? = nil) {
        for a in initial { dispatch(a, state: &state, inbox: inbox) }
        drainInbox(state: &state, inbox: inbox)
        backend.draw(view(state, backend.size))
        var idle = 0
        while !isFinished(state) {
            // Redraw only after input or posted actions: an idle reading room must
            // not burn CPU re-rendering the same frame 20 times a second.
            var dirty = false
            if let event = backend.nextEvent(timeoutMilliseconds: pollMilliseconds) {
                idle = 0
                dirty = true
                if let action = actionForInput(event, state) { dispatch(action, state: &state, inbox: inbox) }
            } else {
                idle += 1
                if let m = maxIdlePolls, idle > m { break }
            }
            if drainInbox(state: &state, inbox: inbox) { dirty = true }
            if isFinished(state) { break }
            if dirty { backend.draw(view(state, backend.size)) }
        }
    }

    private func dispatch(_ action: Action, state: inout State, inbox: ActionInbox<Action>) {
        let effects = reduce(&state, action)
        for e in effects { perform(e, inbox) }
    }

    /// Returns whether any action ran.
    @discardableResult
    private func drainInbox(state: inout State, inbox: ActionInbox<Action>) -> Bool {
        // Effects may post follow-up actions synchronously; loop until quiet.
        var rounds = 0
        while rounds < 64 {
            let batch = inbox.drain()
            if batch.isEmpty { return rounds > 0 }
            for a in batch { dispatch(a, state: &state, inbox: inbox) }
            rounds += 1
        }
        return true
    }
}
