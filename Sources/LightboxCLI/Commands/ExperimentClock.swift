import Foundation
import ReaderStudy

/// The study clock of the coordinator commands: the wall clock, or the time in
/// `LIGHTBOX_NOW` (ISO 8601). A testing aid: end-to-end tests and dry runs move
/// past a washout without waiting. It never changes what the ledger stores as
/// history, only what "now" is for washout decisions and stamps of new rows.
struct ExperimentClock: StudyClock {
    let now: Date

    static let variable = "LIGHTBOX_NOW"

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ExperimentClock {
        guard let text = environment[variable], !text.isEmpty else { return ExperimentClock(now: Date()) }
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
