import Foundation

/// A one-line progress bar on stderr, only when stderr is a terminal (a log
/// or a test's pipe gets the summary lines alone).
struct ProgressBar {
    let total: Int
    var label = ""
    let enabled = isatty(2) == 1

    func update(_ done: Int) {
        guard enabled, total > 0 else { return }
        let width = 30, filled = done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label)[\(bar)] \(done)/\(total)".utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
