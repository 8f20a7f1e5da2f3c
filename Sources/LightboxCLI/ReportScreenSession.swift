import Foundation
import NCursesBackend
import ReadingApp
import TerminalUI

/// Runs the coordinator's report screen in the real terminal (ncurses, text
/// cells only) until `q`; or, for tests, renders it at a given size without a
/// terminal, paging down to the end.
enum ReportScreenSession {
    static func run(model: ReportScreenModel, theme: Theme) {
        let terminal = NCursesTerminal()
        var state = ReportScreenState(model: model, size: terminal.size)
        ReportScreen.program(theme: theme).run(state: &state, backend: terminal, inbox: ActionInbox(),
                                               initial: [.resized(terminal.size)])
        terminal.shutdown()
    }

    /// Every page of the screen at `size`, as golden-file text (lines, then style runs).
    static func snapshot(model: ReportScreenModel, theme: Theme, size: Size) -> String {
        var state = ReportScreenState(model: model, size: size)
        var pages: [String] = []
        while true {
            let grid = ReportScreenView.render(state, size: size, theme: theme)
            pages.append("=== page \(pages.count + 1), \(size.width)×\(size.height), rows from \(state.scroll + 1)\n"
                         + GridSnapshot.render(grid, theme: theme))
            let before = state.scroll
            _ = ReportScreen.reduce(&state, .page(1))
            if state.scroll == before { break }
        }
        return pages.joined()
    }
}
