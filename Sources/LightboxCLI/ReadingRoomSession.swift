import Foundation
import NCursesBackend
import ReadingApp
import TerminalUI

/// Runs the reading app in the real terminal: probes its graphics before
/// curses owns the input (so replies never arrive as keys), starts curses,
/// and loops until the reader quits. Shared by `read` and `view`.
enum ReadingRoomSession {
    static func run(state initial: AppState, environment: AppEnvironment, theme: Theme, graphics: GraphicsMode,
                    actions: [AppAction]) {
        var state = initial
        let runner = EffectRunner(environment: environment)
        let program = Program<AppState, AppAction, AppEffect>(
            reduce: AppReducer.reduce,
            view: { AppView.render($0, size: $1, theme: theme) },
            actionForInput: { KeyMap.action(for: $0, in: $1) },
            isFinished: { $0.finished },
            perform: { runner.perform($0, inbox: $1) })
        let caps = graphics == .halfblock ? GraphicsCapabilities() : TerminalProbe.run()
        let terminal = NCursesTerminal()
        let size = terminal.size
        let mode = GraphicsMode.resolve(requested: graphics, capabilities: caps, gridSize: size)
        let cell = caps.cellPixels(gridSize: size)
        terminal.useGraphics(mode, cellPixels: cell)
        state.graphics = mode
        if let cell { state.cellPixels = cell }
        program.run(state: &state, backend: terminal, inbox: ActionInbox(), initial: [.resized(size)] + actions)
        terminal.shutdown()
        // Every read is already durable (ledger writes are synchronous). Let a model that is
        // still running finish, so the process never exits under a BLAS call; if it will not,
        // leave without running exit handlers.
        if !runner.waitForBackgroundWork(seconds: 10) {
            _exit(0)
        }
    }
}
