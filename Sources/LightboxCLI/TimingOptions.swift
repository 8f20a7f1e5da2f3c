import ArgumentParser
import ReaderStudy

/// `--idle-threshold` and `--idle-rule`, shared by the commands that turn events into reading times.
struct TimingOptions: ParsableArguments {
    @Option(name: .customLong("idle-threshold"), help: "Idle threshold in seconds.") var idleThreshold: Double = 60
    @Option(name: .customLong("idle-rule"), help: "cap or exclude.") var idleRule: String = "cap"

    func rules() throws -> TimingRules {
        guard let rule = IdleRule(rawValue: idleRule) else {
            throw CLIError.badOption(name: "--idle-rule", value: idleRule, expected: "cap or exclude")
        }
        return TimingRules(idleThreshold: idleThreshold, idleRule: rule)
    }
}
