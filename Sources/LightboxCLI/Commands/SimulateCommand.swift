import ArgumentParser
import Foundation
import Ledger
import ReaderStudy
import Statistics
import Synchronization
import Worklist

/// `lightbox simulate NAME --readers N --cases M --time-ratio 0.8 --auc-delta 0.03 --seed S`
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Fill an experiment with synthetic signed reads and events, to rehearse the analysis plan.",
        discussion: """
        Every assignment gets a signed read written through the ledger (events, decisions, confidence), as the \
        reading screen would. Ratings follow the Roe–Metz model; times are log-normal with the given aided/unaided \
        ratio (see Docs/READER-STUDIES.md). When NAME does not exist yet, a crossover of --readers readers (r1…rN) \
        on --cases cases of --library is created first. The filled sessions are dated in the past, one washout + 1 day \
        apart, the last ending a day before now (LIGHTBOX_NOW in a debug build); a session whose washout has not passed by then is refused.
        """
    )

    @Argument(help: "Experiment name.") var name: String
    @Option(help: "Readers (must match an existing experiment).") var readers: Int?
    @Option(help: "Cases (must match an existing experiment).") var cases: Int?
    @Option(name: .customLong("time-ratio"), help: "Aided / unaided geometric mean reading time.") var timeRatio: Double = 0.8
    @Option(name: .customLong("auc-delta"), help: "Aided − unaided population AUC.") var aucDelta: Double = 0.03
    @Option(help: "Unaided population AUC.") var auc: Double = 0.85
    @Option(name: .customLong("baseline-seconds"), help: "Unaided geometric mean reading time.") var baselineSeconds: Double = 60
    @Option(name: .customLong("ai-accuracy"), help: "Share of cases the simulated AI gets right.") var aiAccuracy: Double = 0.85
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Fill only this session (default: every session); later sessions can be filled by later runs.")
    var session: Int?
    @Option(help: "The study library (default: the one given at create).") var library: String?
    @Option(help: "The ledger database (default: $XDG_DATA_HOME/lightbox/ledger.sqlite).") var db: String?

    func run() throws {
        try reportingErrors {
            guard timeRatio > 0, baselineSeconds > 0, (0...1).contains(aiAccuracy) else {
                throw ExperimentCommandError.invalid(field: "--time-ratio/--baseline-seconds/--ai-accuracy",
                                                     problem: "times must be positive and the AI accuracy within 0…1")
            }
            let clock = try ExperimentClock.fromEnvironment()
            let path = try ExperimentContext.ledgerPath(db)
            let exists = FileManager.default.fileExists(atPath: path) ? try LedgerStore(path: path).experiment(named: name) != nil : false
            if !exists {
                guard let readers, let library else {
                    if !FileManager.default.fileExists(atPath: path) { throw ExperimentCommandError.noLedger(experiment: name, path: path) }
                    throw ExperimentCommandError.unknownExperiment(name)
                }
                var arguments = [name, "--library", library, "--readers", (1...max(readers, 1)).map { "r\($0)" }.joined(separator: ","),
                                 "--design", "crossover", "--seed", String(seed), "--db", path]
                if let cases { arguments += ["--cases", String(cases)] }
                var create = try ExperimentCreateCommand.parse(arguments)
                try create.run()
            }
            let wall = SimulatedWallClock(clock.now.timeIntervalSince1970)
            let context = try ExperimentContext.open(name: name, db: db, library: library, wallClock: { wall.now })
            let design = context.design
            if let readers, readers != design.readers.count {
                throw ExperimentCommandError.invalid(field: "--readers", problem: "experiment \(name) has \(design.readers.count) readers, not \(readers)")
            }
            if let cases, cases != design.caseIDs.count {
                throw ExperimentCommandError.invalid(field: "--cases", problem: "experiment \(name) has \(design.caseIDs.count) cases, not \(cases)")
            }
            let sessions = session.map { [$0] } ?? context.table.sessionNumbers
            if let session, !context.table.sessionNumbers.contains(session) {
                throw ExperimentCommandError.invalid(field: "--session", problem: "experiment \(name) has sessions 1…\(design.sessions), not \(session)")
            }
            let existing = try context.signedReads().compactMap(\.context.session).filter { sessions.contains($0) }
            guard existing.isEmpty else {
                // Name the sessions that hold reads, not every session asked for.
                throw ExperimentCommandError.invalid(
                    field: "experiment \(name)",
                    problem: "already has \(existing.count) signed read(s) in session(s) \(Set(existing).sorted().map(String.init).joined(separator: ", ")); simulate fills empty sessions")
            }
            let truth = try ExperimentTruth.load(library: try context.loadLibrary(), caseIDs: design.caseIDs)
            let summary = try SimulateRun(context: context, truth: truth, wall: wall, seed: seed, clock: clock, sessions: sessions,
                                          model: SimulateReaderModel(baselineAUC: auc, aucDelta: aucDelta, timeRatio: timeRatio,
                                                                     baselineSeconds: baselineSeconds, aiAccuracy: aiAccuracy)).run()
            print(summary)
        }
    }
}

/// The ledger's wall clock during a simulation: moved by the simulation, read by the ledger.
final class SimulatedWallClock: Sendable {
    private let value: Mutex<Double>
    init(_ start: Double) { value = Mutex(start) }
    var now: Double { value.withLock { $0 } }
    func set(_ time: Double) { value.withLock { $0 = time } }
}
