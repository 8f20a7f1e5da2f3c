import ArgumentParser
import Foundation
import Ledger
import ReaderStudy
import Worklist

/// `lightbox experiment create NAME --library DIR --readers a,b --arms unaided,aided …`
struct ExperimentCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Define a reader study and store its randomised assignment table in the ledger.",
        discussion: """
        Cases are the library's studies (or --cases N of them, drawn with the seed). The assignment \
        table (reader × case × session × arm × order) is generated from the design and fixed once stored.
        """
    )

    @Argument(help: "Experiment name (letters, digits, '-', '_', '.').") var name: String
    @Option(help: "The study library folder.") var library: String
    @Option(help: "Reader ids, comma-separated, each with the OS account allowed to read as it: amy=alice,bo=bob (a bare amy is account amy).")
    var readers: String
    @Option(help: "Arms, comma-separated: unaided, aided, sequential.") var arms: String = "unaided,aided"
    @Flag(help: "Add the sequential arm (unaided read, signed and locked, then the AI revealed for a second read).")
    var sequential = false
    @Option(help: "crossover, fully-crossed or split-plot.") var design: String = "crossover"
    @Option(help: "Sessions (one per arm).") var sessions: Int?
    @Option(name: .customLong("washout-days"), help: "Days between a reader's sessions.") var washoutDays: Int = ExperimentDesign.recommendedWashoutDays
    @Option(help: "Random seed (default: from the clock, printed).") var seed: UInt64?
    @Option(help: "Use N cases drawn from the library with the seed (default: all).") var cases: Int?
    @Option(help: "split-plot: number of reader/case groups.") var groups: Int = 2
    @Option(help: "blocked (one block per arm) or interleaved.") var order: String = "blocked"
    @Option(name: .customLong("rating-scale"), help: "Readers' confidence scale: 5 (1–5 with a present/absent call, the default) or 100 (a 0–100 rating).")
    var ratingScale: String = "5"
    @Option(help: "The ledger database (default: $XDG_DATA_HOME/lightbox/ledger.sqlite).") var db: String?

    func run() throws {
        try reportingErrors {
            let clock = try ExperimentClock.fromEnvironment()
            guard let kind = DesignKind(rawValue: design) else {
                throw CLIError.badOption(name: "--design", value: design, expected: "crossover, fully-crossed or split-plot")
            }
            guard let ordering = SessionOrdering(rawValue: order) else {
                throw CLIError.badOption(name: "--order", value: order, expected: "blocked or interleaved")
            }
            let scale: RatingScale
            switch ratingScale {
            case "5", "1-5": scale = .callWithConfidence
            case "100", "0-100": scale = .percent
            default: throw CLIError.badOption(name: "--rating-scale", value: ratingScale, expected: "5 (1–5) or 100 (0–100)")
            }
            var armList: [StudyArm] = []
            for text in arms.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !text.isEmpty {
                guard let arm = StudyArm(rawValue: text) else {
                    throw CLIError.badOption(name: "--arms", value: text, expected: "unaided, aided or sequential")
                }
                armList.append(arm)
            }
            if sequential && !armList.contains(.sequential) { armList.append(.sequential) }
            let (readerList, accounts) = try ExperimentDesign.parseReaders(readers)

            let studyLibrary = try StudyLibrary.load(root: library)
            let ids = studyLibrary.studies.map(\.id)
            guard !ids.isEmpty else {
                throw ExperimentCommandError.library(field: library, problem: "the library has no readable studies")
            }
            let chosenSeed = seed ?? UInt64(clock.now.timeIntervalSince1970 * 1000)
            let caseIDs = try ExperimentDesign.sampleCases(from: ids, count: cases, seed: chosenSeed)
            let experiment = ExperimentDesign(
                name: name, readers: readerList, arms: armList, design: kind, sessions: sessions,
                washoutDays: washoutDays, seed: chosenSeed, caseIDs: caseIDs, readerGroups: groups, ordering: ordering,
                ratingScale: scale == .callWithConfidence ? nil : scale, accounts: accounts)
            let table = try AssignmentTable.generate(for: experiment)   // validates first
            // Truth is checked now, not at export time: a study without a
            // reference would make the whole study unanalysable.
            _ = try ExperimentTruth.load(library: studyLibrary, caseIDs: caseIDs)
            let absoluteLibrary = URL(fileURLWithPath: library).standardizedFileURL.path
            let ledger = try LedgerStore(path: try ExperimentContext.ledgerPath(db), wallClock: { clock.now.timeIntervalSince1970 })
            try ledger.createExperiment(
                name: name, design: try ExperimentContext.storedJSON(design: experiment, library: absoluteLibrary),
                assignments: table.rows.map {
                    AssignmentRow(reader: $0.reader, study: $0.caseID, session: $0.session, arm: $0.arm.rawValue, order: $0.order)
                })
            for warning in experiment.warnings {
                FileHandle.standardError.write(Data("lightbox: warning: experiment \(name): \(warning)\n".utf8))
            }
            let broken = studyLibrary.entries.count - studyLibrary.studies.count
            if broken > 0 {
                FileHandle.standardError.write(Data("lightbox: warning: \(library): \(broken) broken stud\(broken == 1 ? "y" : "ies") left out\n".utf8))
            }
            print("created experiment \(name): \(kind.rawValue), \(readerList.count) reader(s), \(caseIDs.count) case(s), "
                  + "arms \(armList.map(\.rawValue).joined(separator: ", ")), \(experiment.sessions) session(s), "
                  + "washout \(washoutDays) days, \(scale == .percent ? "confidence 0-100, " : "")seed \(chosenSeed), \(table.rows.count) assignments")
        }
    }
}
