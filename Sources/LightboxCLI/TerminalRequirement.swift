import Common
import Foundation

/// The screens need a terminal on both ends. Without one (a pipe, cron, or `ssh host lightbox`
/// without -t) curses reads end-of-file forever: the process spun at 100 % CPU drawing to nowhere.
/// Checked after the command's own arguments are validated, so those errors still come first.
enum TerminalRequirement {
    struct Missing: UserFacingError {
        var coordinates: String
        var problem: String { "needs a terminal: standard input and output must both be one (over ssh: ssh -t HOST lightbox …)" }
    }

    static func check(_ command: String) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw Missing(coordinates: command) }
    }
}
