import Foundation
import ReaderStudy

/// The study clock of the experiment commands and of `read --experiment`: the
/// system clock, or in a debug build the time in `LIGHTBOX_NOW` (ISO 8601),
/// so end-to-end tests step past a washout without waiting. A release build
/// ignores the variable (TestSeam), so the installed binary cannot open a
/// session early. It never changes history already in the ledger, only what
/// "now" is for washout decisions and the stamps of new rows.
struct ExperimentClock: StudyClock {
    let now: Date

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ExperimentClock {
        guard let text = TestSeam.now.value(in: environment) else { return ExperimentClock(now: Date()) }
        guard let date = parse(text) else { throw ExperimentCommandError.badClock(text) }
        return ExperimentClock(now: date)
    }

    static func parse(_ text: String) -> Date? {
        let full = ISO8601DateFormatter()
        if let d = full.date(from: text) { return d }
        full.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = full.date(from: text) { return d }
        full.formatOptions = [.withFullDate]
        return full.date(from: text)
    }
}
